package jp.smb.incident.notification;

import jp.smb.incident.settings.IncidentProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The dispatcher polls the outbox on a schedule, as often as {@code incident.notification.poll-interval} says. */
@Configuration
@EnableScheduling
public class NotificationConfiguration implements SchedulingConfigurer {

  private final AlertDispatcher dispatcher;
  private final IncidentProperties settings;

  public NotificationConfiguration(AlertDispatcher dispatcher, IncidentProperties settings) {
    this.dispatcher = dispatcher;
    this.settings = settings;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    tasks.addFixedDelayTask(dispatcher::dispatch, settings.notification().pollInterval());
  }
}
