package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

/** {@code label decode} and {@code label encode} through the jar, on our codes and others'. */
class LabelCommandsIT {
  private static final String LINK = "https://id.example.com/01/09506000134352/10/LOT7/21/SN1";

  @TempDir Path dir;

  private static Path foreign(String name) throws URISyntaxException {
    return Path.of(LabelCommandsIT.class.getResource("/foreign-codes/" + name).toURI());
  }

  private static JsonNode decoded(JarRun run) throws Exception {
    assertEquals(0, run.exitCode(), run::toString);
    return new ObjectMapper().readTree(run.out());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "zint-ean13.png, EAN_13, retail-gtin, 09506000134352, ''",
    "zint-upca.png, UPC_A, retail-gtin, 00036000291452, ''",
    "zint-gs1-128.png, CODE_128, gs1-element-string, 09506000134352, SN1",
    "zint-gs1-datamatrix.png, DATA_MATRIX, gs1-element-string, 09506000134352, SN1",
    "qrencode-digital-link.png, QR_CODE, gs1-digital-link, 09506000134352, SN1",
  })
  void decodesCodesOtherEncodersPrinted(
      String file, String symbology, String kind, String gtin, String serial) throws Exception {
    JsonNode json = decoded(JarRun.of("label", "decode", foreign(file).toString()));
    assertEquals(symbology, json.get("symbology").asText());
    assertEquals(kind, json.get("kind").asText());
    assertEquals(gtin, json.at("/gs1/gtin").asText());
    assertEquals(serial, json.at("/gs1/serial").asText(""));
    assertFalse(json.at("/gs1/signaturePresent").asBoolean());
  }

  @Test
  void gs1DataMatrixCarriesTheExpiryDate() throws Exception {
    JsonNode json =
        decoded(JarRun.of("label", "decode", foreign("zint-gs1-datamatrix.png").toString()));
    assertEquals("]d2", json.get("symbologyIdentifier").asText());
    assertEquals("271231", json.at("/gs1/expiry").asText());
    assertEquals("LOT7", json.at("/gs1/batch").asText());
  }

  @Test
  void plainTextDataMatrixIsReportedAsOther() throws Exception {
    JsonNode json = decoded(JarRun.of("label", "decode", foreign("dmtxwrite-text.png").toString()));
    assertEquals("other", json.get("kind").asText());
    assertEquals("markproof", json.get("text").asText());
    assertTrue(json.at("/gs1").isMissingNode());
  }

  @Test
  void qrEncodedByTheJarDecodesBackWithItsSignatureFlag() throws Exception {
    String signed = LINK + "?8030=" + "A".repeat(86);
    Path png = dir.resolve("label.png");
    JarRun encode = JarRun.of("label", "encode", "--format", "qr", "--out", png.toString(), signed);
    assertEquals(0, encode.exitCode(), encode::toString);
    JsonNode json = decoded(JarRun.of("label", "decode", png.toString()));
    assertEquals(signed, json.get("text").asText());
    assertTrue(json.at("/gs1/signaturePresent").asBoolean());
  }

  @Test
  void gs1DataMatrixEncodedByTheJarDecodesBack() throws Exception {
    Path png = dir.resolve("dm.png");
    JarRun encode =
        JarRun.of(
            "label",
            "encode",
            "--format",
            "datamatrix",
            "--out",
            png.toString(),
            "(01)09506000134352(10)LOT7(21)SN1");
    assertEquals(0, encode.exitCode(), encode::toString);
    JsonNode json = decoded(JarRun.of("label", "decode", png.toString()));
    assertEquals("]d2", json.get("symbologyIdentifier").asText());
    assertEquals("010950600013435210LOT7\u001d21SN1", json.get("text").asText());
  }

  @Test
  void svgOutputIsWellFormedXmlOfTheSymbolSize() throws Exception {
    Path svg = dir.resolve("label.svg");
    JarRun encode = JarRun.of("label", "encode", "--format", "qr", "--out", svg.toString(), LINK);
    assertEquals(0, encode.exitCode(), encode::toString);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    assertEquals("svg", doc.getDocumentElement().getTagName());
    assertTrue(
        doc.getDocumentElement().getAttribute("viewBox").startsWith("0 0 "),
        doc.getDocumentElement().getAttribute("viewBox"));
  }

  @Test
  void photographedLabelTurnedAndCompressedIsRead() throws Exception {
    Path png = dir.resolve("label.png");
    assertEquals(
        0,
        JarRun.of(
                "label",
                "encode",
                "--format",
                "qr",
                "--module-pixels",
                "4",
                "--out",
                png.toString(),
                LINK)
            .exitCode());
    BufferedImage code = ImageIO.read(png.toFile());
    BufferedImage photo = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = photo.createGraphics();
    g.setPaint(
        new java.awt.GradientPaint(0, 0, new Color(90, 80, 70), 1280, 720, Color.LIGHT_GRAY));
    g.fillRect(0, 0, 1280, 720);
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.rotate(Math.toRadians(23), 640, 360);
    g.drawImage(
        code,
        640 - code.getWidth() * 3 / 4,
        360 - code.getHeight() * 3 / 4,
        code.getWidth() * 3 / 2,
        code.getHeight() * 3 / 2,
        null);
    g.dispose();
    Path jpeg = dir.resolve("photo.jpg");
    assertTrue(ImageIO.write(photo, "jpg", jpeg.toFile()));
    JsonNode json = decoded(JarRun.of("label", "decode", jpeg.toString()));
    assertEquals(LINK, json.get("text").asText());
  }

  @Test
  void blankImageIsNoCodeFound() throws Exception {
    BufferedImage blank = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);
    Path png = dir.resolve("blank.png");
    assertTrue(ImageIO.write(blank, "png", png.toFile()));
    JarRun run = JarRun.of("label", "decode", png.toString());
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("no code found"), run::toString);
  }

  @Test
  void randomBytesAreBadInput() throws Exception {
    Path junk = dir.resolve("junk.png");
    byte[] bytes = new byte[4096];
    new java.util.Random(7).nextBytes(bytes);
    Files.write(junk, bytes);
    JarRun run = JarRun.of("label", "decode", junk.toString());
    assertEquals(2, run.exitCode(), run::toString);
  }

  @Test
  void unknownOutputExtensionIsBadUsage() throws Exception {
    JarRun run =
        JarRun.of(
            "label", "encode", "--format", "qr", "--out", dir.resolve("x.gif").toString(), LINK);
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains(".png or .svg"), run::toString);
  }
}
