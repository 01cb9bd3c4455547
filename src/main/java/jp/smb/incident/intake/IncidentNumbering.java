package jp.smb.incident.intake;

import java.time.Clock;
import java.time.Year;
import jp.smb.incident.drillmode.Drills;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readable incident numbers such as {@code INC-2026-0001}, counted per year; drills count apart, as
 * {@code TRN-2026-0001}, so that a drill never takes a real incident's number. The increment runs inside the
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

  /** The next real incident's number. */
  public String next() {
    return next(false);
  }

  /** The next number of a drill ({@code TRN-}) or of a real incident ({@code INC-}). */
  public String next(boolean drill) {
    String table = drill ? "drill_number_counter" : "incident_number_counter";
    int year = Year.now(clock).getValue();
    if (increment(table, year) == 0) {
      startYear(table, year);
      increment(table, year);
    }
    Integer number = jdbc.queryForObject("SELECT last_number FROM " + table + " WHERE counter_year = ?",
        Integer.class, year);
    return format(drill ? Drills.NUMBER_PREFIX : "INC", year, number);
  }

  /**
   * The year's counter, created in a transaction of its own: when two incidents are the year's first at the same
   * moment, one insert fails, and on PostgreSQL a failed statement would abort the engine's whole transaction.
   */
  private void startYear(String table, int year) {
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO " + table + " (counter_year, last_number) VALUES (?, 0)", year));
    } catch (DuplicateKeyException createdMeanwhile) {
      // the other start created it; counting goes on from there
    }
  }

  static String format(int year, int number) {
    return format("INC", year, number);
  }

  private static String format(String prefix, int year, int number) {
    return String.format("%s-%d-%04d", prefix, year, number);
  }

  private int increment(String table, int year) {
    return jdbc.update("UPDATE " + table + " SET last_number = last_number + 1 WHERE counter_year = ?", year);
  }
}
