package jp.smb.incident.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import jp.smb.incident.drillmode.Drills;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Documents people file, as printable A4 PDFs: the company's name and the incident number at the top of every
 * page, the page number at the bottom, and Japanese text in IPAex Gothic, which ships in the jar (fonts/), so that
 * the PDF does not depend on the host's fonts.
 */
public final class PdfDocuments {

  private static final String FONT = "/fonts/ipaexg.ttf";
  private static final String FONT_FAMILY = "IPAexGothic";

  private static final String PRINT_STYLE = """
      @page { size: A4; margin: 22mm 16mm 20mm 16mm;
        @top-left { content: element(company); font-family: IPAexGothic; font-size: 9pt; }
        @top-right { content: element(number); font-family: IPAexGothic; font-size: 9pt; }
        @bottom-left { content: element(drill); font-family: IPAexGothic; font-size: 10pt; color: #b00020; }
        @bottom-center { content: counter(page) " / " counter(pages); font-family: IPAexGothic; font-size: 9pt; } }
      body { font-family: IPAexGothic; margin: 0; font-size: 10pt; }
      .running-company { position: running(company); }
      .running-number { position: running(number); }
      .running-drill { position: running(drill); }
      th { width: 11em; }
      """;

  static final String DRILL_HEAD = Drills.MARK + "送らないでください";

  private PdfDocuments() {
  }

  /** An HTML page (the final report) as it prints. */
  public static byte[] fromHtml(String html, String company, String incidentNumber) {
    Document document = Jsoup.parse(html);
    document.head().appendElement("style").text(PRINT_STYLE);
    // Running elements: ordinary text, so a name with quotes or markup is printed as it is.
    Element body = document.body();
    body.prependElement("div").addClass("running-number").text("インシデント番号 " + incidentNumber);
    if (Drills.isDrillNumber(incidentNumber)) {
      // At the foot of every page: a drill's document must not be taken for, or sent as, the real thing.
      body.prependElement("div").addClass("running-drill").text(DRILL_HEAD);
    }
    body.prependElement("div").addClass("running-company").text(company == null || company.isBlank() ? "" : company);
    return render(document, "the report of " + incidentNumber);
  }

  /** A page that sets its own size and margins (a card to print), in the embedded font, without running heads. */
  public static byte[] fromPage(String html) {
    return render(Jsoup.parse(html), "the page");
  }

  private static byte[] render(Document document, String what) {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(PdfDocuments::font, FONT_FAMILY);
      builder.withW3cDocument(new W3CDom().fromJsoup(document), "/");
      builder.toStream(pdf);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + what + " as PDF", e);
    }
    return pdf.toByteArray();
  }

  /** A plain text (a report draft) under its title, line breaks kept, every character printed as typed. */
  public static byte[] fromText(String title, String body, String company, String incidentNumber) {
    Document document = Document.createShell("");
    document.head().appendElement("meta").attr("charset", "UTF-8");
    document.head().appendElement("style").text("h1 { font-size: 14pt; } .line { white-space: pre-wrap; line-height: 1.6;"
        + " min-height: 1.6em; }");
    document.body().appendElement("h1").text(title == null ? "" : title);
    // One block per line: the renderer would otherwise run the lines of a draft together into one paragraph.
    Element text = document.body().appendElement("div").addClass("text");
    (body == null ? "" : body).lines().forEach(line -> text.appendElement("div").addClass("line").text(line));
    return fromHtml(document.outerHtml(), company, incidentNumber);
  }

  private static InputStream font() {
    return new ByteArrayInputStream(UnifiedFont.BYTES);
  }

  /**
   * The font without its mappings of the Kangxi and CJK radicals (U+2E80–U+2FDF), made once. They share glyphs with
   * the ideographs 人, 日, 月, 生 …, and the PDF's text layer names each glyph by its lowest code point: without
   * this, text copied out of a draft (into the PPC's online form) would carry the look-alike radicals.
   */
  private static final class UnifiedFont {

    static final byte[] BYTES = load();

    private static byte[] load() {
      try (InputStream in = PdfDocuments.class.getResourceAsStream(FONT)) {
        if (in == null) {
          throw new IllegalStateException(FONT + " is missing from the application");
        }
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in));
        CmapLookup cmap = font.getUnicodeCmapLookup();
        Set<Integer> kept = new HashSet<>();
        for (int codePoint = 0; codePoint <= 0xFFFF; codePoint++) {
          if ((codePoint < 0x2E80 || codePoint > 0x2FDF) && cmap.getGlyphId(codePoint) != 0) {
            kept.add(codePoint);
          }
        }
        TTFSubsetter subset = new TTFSubsetter(font);
        subset.addAll(kept);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        subset.writeToStream(out);
        font.close();
        return out.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + FONT, e);
      }
    }
  }
}
