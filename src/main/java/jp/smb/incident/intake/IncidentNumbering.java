package jp.smb.incident.intake;

import java.time.Clock;
import java.time.Year;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Readable incident numbers such as {@code INC-2026-0001}, counted per year. Runs inside the engine's
 * transaction, so a start that fails gives its number back.
 */
@Service
public class IncidentNumbering {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public IncidentNumbering(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public String next() {
    int year = Year.now(clock).getValue();
    if (increment(year) == 0) {
      try {
        jdbc.update("INSERT INTO incident_number_counter (counter_year, last_number) VALUES (?, 1)", year);
      } catch (DuplicateKeyException firstOfTheYearRace) {
        increment(year);
      }
    }
    Integer number = jdbc.queryForObject(
        "SELECT last_number FROM incident_number_counter WHERE counter_year = ?", Integer.class, year);
    return format(year, number);
  }

  static String format(int year, int number) {
    return String.format("INC-%d-%04d", year, number);
  }

  private int increment(int year) {
    return jdbc.update("UPDATE incident_number_counter SET last_number = last_number + 1 WHERE counter_year = ?", year);
  }
}
