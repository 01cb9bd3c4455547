package jp.smb.incident.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfDocumentsTest {

  private static final String DRAFT = """
      個人情報保護委員会 御中
      (1) 概要: 顧客名簿を保存したPCがランサムウェアに感染した
      (2) 漏えい等が発生し、又は発生したおそれがある個人データの項目: 氏名、生年月日、電話番号
      (3) 本人の数: 120人
      知った日時: 2026年11月24日 9時30分""";

  private static List<String> linesOf(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return Arrays.stream(new PDFTextStripper().getText(document).split("\\R")).map(String::strip)
          .filter(line -> !line.isEmpty()).toList();
    }
  }

  @Test
  void shouldKeepEveryLineOfADraftAndCopyOutTheCharactersThatWereWritten() throws IOException {
    byte[] pdf = PdfDocuments.fromText("個人情報保護委員会に速報する（下書き）", DRAFT, "試験商店", "INC-2026-0001");

    // A draft pasted into the PPC's online form must carry 人 日 月 生, not the look-alike Kangxi radicals.
    assertThat(linesOf(pdf)).containsSubsequence(DRAFT.lines().toList());
    assertThat(String.join("", linesOf(pdf))).doesNotContainPattern("[\\x{2F00}-\\x{2FDF}]");
  }

  @Test
  void shouldMarkEveryPageOfADrillsDocumentAndNoPageOfARealOne() throws IOException {
    String body = String.join("\n", java.util.Collections.nCopies(120, "訓練の報告書の本文です。"));

    for (String page : pages(PdfDocuments.fromText("【訓練】個人情報保護委員会に速報する（下書き）", body, "株式会社サンプル",
        "TRN-2026-0001"))) {
      assertThat(page).contains(PdfDocuments.DRILL_HEAD);
    }
    assertThat(pages(PdfDocuments.fromText("速報（下書き）", body, "株式会社サンプル", "INC-2026-0001")))
        .hasSizeGreaterThan(1).noneSatisfy(page -> assertThat(page).contains(PdfDocuments.DRILL_HEAD));
  }

  private static List<String> pages(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> pages = new java.util.ArrayList<>();
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.add(stripper.getText(document));
      }
      assertThat(pages).as("pages").hasSizeGreaterThan(1);
      return pages;
    }
  }
}
