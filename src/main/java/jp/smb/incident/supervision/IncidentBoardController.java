package jp.smb.incident.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.smb.incident.api.ApiCaller;
import jp.smb.incident.api.ApiException;
import jp.smb.incident.database.H2Backup;
import jp.smb.incident.settings.JapaneseTime;
import jp.smb.incident.supervision.IncidentBoard.Entry;
import jp.smb.incident.supervision.ResponseFigures.Figures;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The incident board of Cockpit's dashboard (インシデント一覧) and its charts, for the supervisors. */
@RestController
public class IncidentBoardController {

  private final IncidentBoard board;
  private final ResponseFigures figures;
  private final ApiCaller caller;
  private final Clock clock;
  private final H2Backup backup;

  public IncidentBoardController(IncidentBoard board, ResponseFigures figures, ApiCaller caller, Clock clock,
      H2Backup backup) {
    this.backup = backup;
    this.board = board;
    this.figures = figures;
    this.caller = caller;
    this.clock = clock;
  }

  /**
   * {@code state=open} (default): open incidents, most urgent first. {@code state=ended}: incidents that ended from
   * {@code from} to {@code to} (dates, both included; default the last 30 days up to today). Both answer with
   * {@code timeZone}, {@code today} and the {@code period} as dates of {@code incident.time-zone}. Drills (訓練) only
   * with {@code drills=true}.
   */
  @GetMapping(path = "/api/board")
  public Map<String, Object> board(@RequestParam(defaultValue = "open") String state,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "200") int limit, @RequestParam(defaultValue = "false") boolean drills) {
    caller.require("インシデント一覧の閲覧", ApiCaller.READERS);
    if (limit < 1 || limit > 1000) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "limit は 1〜1000 にしてください");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    // The period is counted in incident.time-zone's calendar and served, so no browser works it out from UTC.
    LocalDate last = to == null ? now.toLocalDate() : to;
    LocalDate first = from == null ? last.minusDays(29) : from;
    if (first.isAfter(last)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "from は to 以前の日付にしてください");
    }
    List<Entry> incidents = switch (state) {
      case "open" -> board.open(limit, drills);
      case "ended" -> board.ended(first.atStartOfDay(clock.getZone()).toOffsetDateTime(),
          last.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime(), limit, drills);
      default -> throw new ApiException(HttpStatus.BAD_REQUEST, "state は open か ended にしてください");
    };
    return Map.of("generatedAt", now, "timeZone", clock.getZone().getId(), "today", now.toLocalDate(),
        "period", Map.of("from", first, "to", last), "state", state, "incidents", incidents, "notices", notices());
  }

  /** What the people on the board must know of the installation itself: a failing backup, on the worst night too. */
  private List<String> notices() {
    H2Backup.Status copies = backup.status();
    if (!copies.failing()) {
      return List.of();
    }
    return List.of("データのバックアップに失敗しています（" + JapaneseTime.format(copies.failedAt(), clock.getZone())
        + "）。管理者に知らせてください（アプリケーションのログに理由があります）。");
  }

  @GetMapping(path = "/api/board/figures")
  public Figures figures(@RequestParam(defaultValue = "12") int months,
      @RequestParam(defaultValue = "false") boolean drills) {
    caller.require("対応状況の集計の閲覧", ApiCaller.READERS);
    if (months < 1 || months > 60) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "months は 1〜60 にしてください");
    }
    return figures.lastMonths(months, drills);
  }
}
