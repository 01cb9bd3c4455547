package jp.smb.incident.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The dispatcher polls the outbox on a schedule. */
@Configuration
@EnableScheduling
public class NotificationConfiguration {
}
