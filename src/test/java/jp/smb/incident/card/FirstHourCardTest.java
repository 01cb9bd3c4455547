package jp.smb.incident.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.smb.incident.settings.ContactChain;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FirstHourCardTest {

  private static final String TASKLIST = "https://incident.example.jp/camunda/app/tasklist/";

  private static FirstHourCard card() {
    Map<String, String> contacts = new LinkedHashMap<>();
    contacts.put("ITベンダー／サイバーセキュリティお助け隊", "△△システム 0120-000-005");
    contacts.put("サイバー保険会社", "○○損保 0120-000-002");
    contacts.put("警察（サイバー犯罪相談窓口）", null);
    ContactChain chain = new ContactChain(new ContactChain.Entry("山田 太郎", "090-0000-0001", null), null, null);
    return new FirstHourCard("山田商店", TASKLIST, chain, contacts);
  }

  @ParameterizedTest
  @EnumSource(FirstHourCard.Size.class)
  void shouldPrintTheFirstTenMinutesTheContactsAndAQrCodeAPhoneCanRead(FirstHourCard.Size size) throws Exception {
    try (PDDocument pdf = Loader.loadPDF(card().pdf(size))) {
      assertThat(pdf.getNumberOfPages()).as("one page").isEqualTo(1);
      PDRectangle page = pdf.getPage(0).getMediaBox();
      assertThat(Math.round(page.getHeight() / 72 * 25.4)).isEqualTo(size == FirstHourCard.Size.A4 ? 297 : 210);

      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("初動カード", "山田商店", "LAN ケーブルを抜き", "個人情報保護委員会への速報", "山田 太郎 携帯 090-0000-0001",
          "△△システム 0120-000-005", "○○損保 0120-000-002", "警察（サイバー犯罪相談窓口）: 未登録", "cs-support@ipa.go.jp");
      // The embedded font: the characters copy out as written.
      assertThat(text).doesNotContainPattern("[\\x{2F00}-\\x{2FDF}]");

      // The QR code, read from the printed page as a phone's camera would.
      BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 150);
      javax.imageio.ImageIO.write(image, "png", java.nio.file.Path.of("target", "first-hour-card-" + size + ".png").toFile());
      int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
      String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
          new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
      assertThat(read).isEqualTo(TASKLIST);
    }
  }
}
