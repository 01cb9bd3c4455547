package jp.smb.incident.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report items an incident holds as a JSON variable: read as incidents under way already hold them. */
class ReportPlanningJsonTest {

  /** Written by the versions before the items were bound as records: an upgrade must not lose a deadline. */
  private static final String HELD = """
      [{"id":"ppc-preliminary","recipient":"ppc","taskName":"個人情報保護委員会に速報する","mandatory":true,\
      "deadline":"PT120H","basis":"個人情報保護法26条"},\
      {"id":"partners","recipient":"partners","taskName":"取引先に報告する","mandatory":false,"deadline":null,"basis":null}]""";

  @Test
  void shouldReadTheItemsIncidentsUnderWayHold() {
    assertThat(ReportPlanning.items(HELD)).containsExactly(
        new ReportItem("ppc-preliminary", "ppc", "個人情報保護委員会に速報する", true, Duration.ofDays(5), "個人情報保護法26条"),
        new ReportItem("partners", "partners", "取引先に報告する", false, null, null));
  }

  @Test
  void shouldWriteTheSameShapeItReads() {
    List<ReportItem> items = ReportPlanning.items(HELD);
    String written = ReportPlanning.json(items);
    assertThat(written).contains("\"deadline\":\"PT120H\"").doesNotContain("recipientKind");
    assertThat(ReportPlanning.items(written)).isEqualTo(items);
  }
}
