package jp.smb.incident.record;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Time to detect (発生→発覚), contain (発覚→初動対応の完了) and recover (発覚→復旧) of every closed incident, per
 * procedure, as Micrometer timers: {@code incident.time.to.detect}, {@code .contain}, {@code .recover}.
 */
@Component
public class IncidentMetrics {

  private final MeterRegistry registry;

  public IncidentMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void recordClosed(IncidentRecord record) {
    if (record.drill()) {
      return; // a drill's times are its scorecard's, never the real MTTx
    }
    record("incident.time.to.detect", record, record.timeToDetect());
    record("incident.time.to.contain", record, record.timeToContain());
    record("incident.time.to.recover", record, record.timeToRecover());
  }

  private void record(String name, IncidentRecord record, Duration duration) {
    if (duration != null) {
      Timer.builder(name).tag("procedure", record.procedureKey()).register(registry).record(duration);
    }
  }
}
