package jp.smb.incident.settings;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How a time is written for people, in drafts, alerts and labels: 2026年12月5日 9時05分, in the installation's zone. */
public final class JapaneseTime {

  public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy年M月d日 H時mm分");

  private JapaneseTime() {
  }

  public static String format(OffsetDateTime time, ZoneId zone) {
    return time.atZoneSameInstant(zone).format(FORMAT);
  }
}
