package jp.smb.incident.card;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import jp.smb.incident.documents.HtmlDocuments;
import jp.smb.incident.documents.PdfDocuments;
import jp.smb.incident.settings.ContactChain;

/**
 * The 初動カード to keep by the PC: what to do in the first ten minutes of a ransomware attack, a leak and an
 * outage, the Tasklist address as a QR code, the contact chain, the contacts to call and the public desks. A4, or
 * A5 (half a sheet) to fold into a card. Plain: rendered from the values given, no engine, no HTTP.
 *
 * @param organisation the business's name, or blank
 * @param tasklistUrl  where a phone opens Tasklist
 * @param chain        the 連絡網, or null for a client company (whose chain is its members)
 * @param contacts     the contact list: label → entry, in the order to print
 */
public record FirstHourCard(String organisation, String tasklistUrl, ContactChain chain,
    Map<String, String> contacts) {

  public enum Size {
    A4("A4", false), A5("A5", true);

    private final String page;
    private final boolean small;

    Size(String page, boolean small) {
      this.page = page;
      this.small = small;
    }
  }

  public byte[] pdf(Size size) {
    Map<String, Object> values = new HashMap<>();
    values.put("pageSize", size.page);
    values.put("small", size.small);
    values.put("organisation", organisation == null ? "" : organisation);
    values.put("tasklistUrl", tasklistUrl);
    values.put("qrCode", "data:image/png;base64," + Base64.getEncoder().encodeToString(qrPng(tasklistUrl)));
    values.put("contactChain", chain == null ? "会社のメンバー（役割ごと）: Tasklist の通知先" : chain.describe());
    List<String> lines = new ArrayList<>();
    contacts.forEach((label, entry) -> lines.add(label + ": " + (entry == null || entry.isBlank() ? "未登録" : entry)));
    values.put("contacts", lines);
    return PdfDocuments.fromPage(HtmlDocuments.render("card/first-hour-card", values));
  }

  /** A QR code that a phone's camera reads from a printed card: error correction M, a quiet zone of 2 modules. */
  static byte[] qrPng(String text) {
    try {
      BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 360, 360,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
      BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < matrix.getHeight(); y++) {
        for (int x = 0; x < matrix.getWidth(); x++) {
          image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
        }
      }
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      return png.toByteArray();
    } catch (WriterException e) {
      throw new IllegalArgumentException("QR コードにできません: " + text, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
