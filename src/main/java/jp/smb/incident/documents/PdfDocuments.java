package jp.smb.incident.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
        @bottom-center { content: counter(page) " / " counter(pages); font-family: IPAexGothic; font-size: 9pt; } }
      body { font-family: IPAexGothic; margin: 0; font-size: 10pt; }
      .running-company { position: running(company); }
      .running-number { position: running(number); }
      th { width: 11em; }
      """;

  private PdfDocuments() {
  }

  /** An HTML page (the final report) as it prints. */
  public static byte[] fromHtml(String html, String company, String incidentNumber) {
    Document document = Jsoup.parse(html);
    document.head().appendElement("style").text(PRINT_STYLE);
    // Running elements: ordinary text, so a name with quotes or markup is printed as it is.
    Element body = document.body();
    body.prependElement("div").addClass("running-number").text("インシデント番号 " + incidentNumber);
    body.prependElement("div").addClass("running-company").text(company == null || company.isBlank() ? "" : company);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(PdfDocuments::font, FONT_FAMILY);
      builder.withW3cDocument(new W3CDom().fromJsoup(document), "/");
      builder.toStream(pdf);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report of " + incidentNumber + " as PDF", e);
    }
    return pdf.toByteArray();
  }

  /** A plain text (a report draft) under its title, line breaks kept, every character printed as typed. */
  public static byte[] fromText(String title, String text, String company, String incidentNumber) {
    Document document = Document.createShell("");
    document.head().appendElement("meta").attr("charset", "UTF-8");
    document.head().appendElement("style").text("h1 { font-size: 14pt; } .text { white-space: pre-wrap; line-height: 1.6; }");
    document.body().appendElement("h1").text(title == null ? "" : title);
    document.body().appendElement("div").addClass("text").text(text == null ? "" : text);
    return fromHtml(document.outerHtml(), company, incidentNumber);
  }

  private static InputStream font() {
    InputStream font = PdfDocuments.class.getResourceAsStream(FONT);
    if (font == null) {
      throw new IllegalStateException(FONT + " is missing from the application");
    }
    return font;
  }
}
