package jp.smb.incident.intake;

import java.time.Clock;
import java.time.Year;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readable incident numbers such as {@code INC-2026-0001}, counted per year. The increment runs inside the
 * engine's transaction, so a start that fails gives its number back.
 */
@Service
public class IncidentNumbering {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;

  public IncidentNumbering(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public String next() {
    int year = Year.now(clock).getValue();
    if (increment(year) == 0) {
      startYear(year);
      increment(year);
    }
    Integer number = jdbc.queryForObject(
        "SELECT last_number FROM incident_number_counter WHERE counter_year = ?", Integer.class, year);
    return format(year, number);
  }

  /**
   * The year's counter, created in a transaction of its own: when two incidents are the year's first at the same
   * moment, one insert fails, and on PostgreSQL a failed statement would abort the engine's whole transaction.
   */
  private void startYear(int year) {
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO incident_number_counter (counter_year, last_number) VALUES (?, 0)", year));
    } catch (DuplicateKeyException createdMeanwhile) {
      // the other start created it; counting goes on from there
    }
  }

  static String format(int year, int number) {
    return String.format("INC-%d-%04d", year, number);
  }

  private int increment(int year) {
    return jdbc.update("UPDATE incident_number_counter SET last_number = last_number + 1 WHERE counter_year = ?", year);
  }
}
