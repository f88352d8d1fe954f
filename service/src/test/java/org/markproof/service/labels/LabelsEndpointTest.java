package org.markproof.service.labels;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.service.submission.TestLedger.enrol;
import static org.markproof.service.submission.TestLedger.post;
import static org.markproof.service.submission.TestLedger.token;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markproof.contracts.barcode.BarcodeDecoder;
import org.markproof.contracts.barcode.ImageDecoder;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.label.DigitalLink;
import org.markproof.contracts.label.Gtin;
import org.markproof.contracts.label.LabelVerifier;
import org.markproof.service.auth.Groups;
import org.markproof.service.log.index.LedgerView;
import org.markproof.service.submission.FreshLedgerProfile;
import org.markproof.service.submission.TestLedger;

/**
 * {@code POST /v1/batches/{gtin}/{batch}/labels} over real HTTP on a fresh ledger: a custodial
 * brand owner issues a batch without a label key, then gets its labels as CSV, ZIP of PNG and SVG
 * codes and A4 PDF, each verifying against the label key the log's {@code batch.issued} names.
 */
@QuarkusTest
@TestProfile(FreshLedgerProfile.class)
class LabelsEndpointTest {
  @Inject LedgerView ledger;
  @Inject Pool pool;

  /** A brand owner with a mark and a product, ready to issue batches of it. */
  record Brand(String id, String gtin, String token) {
    String labels(String batch) {
      return "/v1/batches/" + gtin + "/" + batch + "/labels";
    }
  }

  /** One custodial batch, issued through the API. */
  record Batch(Brand brand, String lot) {
    String path() {
      return brand.labels(lot);
    }
  }

  @Test
  void theIssuerGetsACsvOfVerifyingDigitalLinksWithRandomSerials() throws Exception {
    Batch batch = custodialBatch();
    Response csv = labels(batch, Map.of("count", 5), "text/csv");
    csv.then().statusCode(200).contentType(containsString("text/csv"));
    assertTrue(
        csv.header("Content-Disposition").contains(".csv\""), csv.header("Content-Disposition"));

    List<String[]> rows = rows(csv.asByteArray());
    assertEquals(List.of("gtin", "batch", "serial", "uri"), List.of(rows.get(0)));
    assertEquals(6, rows.size());
    List<String> serials = new ArrayList<>();
    for (String[] row : rows.subList(1, rows.size())) {
      DigitalLink link = verified(batch, row[3]);
      assertEquals(batch.brand().gtin(), row[0]);
      assertEquals(batch.lot(), row[1]);
      assertEquals(row[2], link.serial().orElseThrow());
      assertTrue(row[2].matches("[A-Z2-7]{16}"), row[2]);
      assertTrue(row[3].startsWith("https://id.markproof.example/01/"), row[3]);
      serials.add(row[2]);
    }
    assertEquals(5, serials.stream().distinct().count());
  }

  @Test
  void aSerialListSignsExactlyThoseSerialsUnderTheRequestedResolver() throws Exception {
    Batch batch = custodialBatch();
    List<String> wanted = List.of("A-1", "B/2", "C,3", "0004");
    Response csv =
        labels(batch, Map.of("serials", wanted, "resolver", "https://scan.example.org/p"), null);
    csv.then().statusCode(200);
    List<String[]> rows = rows(csv.asByteArray());
    List<String> got = new ArrayList<>();
    for (String[] row : rows.subList(1, rows.size())) {
      DigitalLink link = verified(batch, row[3]);
      assertEquals("https://scan.example.org/p", link.base());
      got.add(link.serial().orElseThrow());
    }
    assertEquals(wanted, got);
  }

  @Test
  void aZipOfPngCodesDecodesBackToTheSignedLinks() throws Exception {
    Batch batch = custodialBatch();
    Response zip = labels(batch, Map.of("count", 3), "application/zip");
    zip.then().statusCode(200).contentType(containsString("application/zip"));
    Map<String, byte[]> files = unzip(zip.asByteArray());
    assertEquals(4, files.size(), files.keySet().toString());
    List<String[]> rows = rows(files.get("labels.csv"));
    ImageDecoder decoder = new ImageDecoder(BarcodeDecoder.withDefaultBudget());
    for (int i = 1; i < rows.size(); i++) {
      String name = String.format("%05d-%s.png", i, rows.get(i)[2]);
      byte[] png = files.get(name);
      assertTrue(png != null, name + " in " + files.keySet());
      String decoded = decoder.decode(png, System::nanoTime).text();
      assertEquals(rows.get(i)[3], decoded);
      verified(batch, decoded);
    }
  }

  @Test
  void aZipOfSvgCodesHoldsOneDrawingPerLabel() throws Exception {
    Batch batch = custodialBatch();
    Response zip = labels(batch, Map.of("count", 2, "format", "svg"), null);
    zip.then().statusCode(200).contentType(containsString("application/zip"));
    Map<String, byte[]> files = unzip(zip.asByteArray());
    List<String[]> rows = rows(files.get("labels.csv"));
    assertEquals(3, rows.size());
    for (int i = 1; i < rows.size(); i++) {
      String svg =
          new String(
              files.get(String.format("%05d-%s.svg", i, rows.get(i)[2])), StandardCharsets.UTF_8);
      assertTrue(svg.startsWith("<?xml") && svg.contains("<svg ") && svg.contains("<path"), svg);
      verified(batch, rows.get(i)[3]);
    }
  }

  @Test
  void aPdfSheetPrintsEveryCodeWithItsGtinBatchAndSerial() {
    Batch batch = custodialBatch();
    List<String> serials = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      serials.add("SHEET-" + i);
    }
    Response pdf =
        labels(batch, Map.of("serials", serials, "columns", 2, "rows", 3), "application/pdf");
    pdf.then().statusCode(200).contentType(containsString("application/pdf"));
    byte[] file = pdf.asByteArray();
    String text = new String(file, StandardCharsets.ISO_8859_1);
    assertTrue(text.startsWith("%PDF-1.4\n"));
    LabelSheetTest.checkCrossReferences(file);
    assertTrue(text.contains("/Count 2"), "7 labels on 2 x 3 sheets make 2 pages");
    assertTrue(text.contains("(\\(01\\) " + batch.brand().gtin() + ") Tj"));
    assertTrue(text.contains("(\\(10\\) " + batch.lot() + ") Tj"));
    for (String serial : serials) {
      assertTrue(text.contains("(\\(21\\) " + serial + ") Tj"), serial);
    }
  }

  @Test
  void anIssuerHoldingItsOwnLabelKeyIsToldToSignWithContracts() {
    Brand brand = brand();
    String lot = "OWN-" + TestLedger.id("x").substring(2);
    Ed25519PrivateKey own = TestLedger.newKey();
    Map<String, Object> body = new HashMap<>(batchBody(brand.gtin(), lot));
    body.put("labelKey", TestLedger.publicKeyBase64(own));
    created(post(brand.token(), "/v1/batches?wait=true", body, null));

    given()
        .auth()
        .oauth2(brand.token())
        .contentType(ContentType.JSON)
        .body(Map.of("count", 1))
        .post(brand.labels(lot))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("label-key-self-held"))
        .body("hint", containsString("LabelSigner"));
  }

  @Test
  void onlyTheIssuerGetsLabelsAndOthersCannotTellTheBatchExists() {
    Batch batch = custodialBatch();
    String other = TestLedger.id("other-brand");
    enrol(other, TestLedger.brandOwner());
    Response foreign =
        given()
            .auth()
            .oauth2(token(other, Groups.BRAND_OWNER))
            .contentType(ContentType.JSON)
            .body(Map.of("count", 1))
            .post(batch.path());
    Response unknown =
        given()
            .auth()
            .oauth2(batch.brand().token())
            .contentType(ContentType.JSON)
            .body(Map.of("count", 1))
            .post(batch.brand().labels("NO-SUCH-LOT"));
    assertEquals(404, foreign.statusCode(), foreign.asString());
    assertEquals(404, unknown.statusCode(), unknown.asString());
    assertEquals("not-found", foreign.jsonPath().getString("code"));
    assertEquals(
        foreign.jsonPath().getString("detail").replace(batch.lot(), "?"),
        unknown.jsonPath().getString("detail").replace("NO-SUCH-LOT", "?"),
        "the same answer for someone else's batch and no batch");

    given()
        .auth()
        .oauth2(token(batch.brand().id(), Groups.CUSTOMS))
        .contentType(ContentType.JSON)
        .body(Map.of("count", 1))
        .post(batch.path())
        .then()
        .statusCode(403)
        .body("code", equalTo("forbidden"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("count", 1))
        .post(batch.path())
        .then()
        .statusCode(401)
        .body("code", equalTo("unauthenticated"));
  }

  static List<Object[]> malformedBodies() {
    Map<String, Object> both = new LinkedHashMap<>();
    both.put("count", 2);
    both.put("serials", List.of("A"));
    return List.of(
        new Object[] {Map.of("count", 0), "/count"},
        new Object[] {Map.of("count", 10_001), "/count"},
        new Object[] {Map.of("count", "5"), "/count"},
        new Object[] {Map.of("serials", List.of("OK-1", "with space")), "/serials/1"},
        new Object[] {Map.of("serials", List.of("S".repeat(21))), "/serials/0"},
        new Object[] {Map.of("serials", List.of("DUP", "DUP")), "/serials/1"},
        new Object[] {Map.of("serials", List.of()), "/serials"},
        new Object[] {both, "/serials"},
        new Object[] {Map.of(), "/count"},
        new Object[] {Map.of("count", 1, "format", "gif"), "/format"},
        new Object[] {Map.of("count", 1, "resolver", "ftp://x"), "/resolver"},
        new Object[] {Map.of("count", 1, "columns", 9), "/columns"},
        new Object[] {Map.of("count", 1, "colour", "red"), "/colour"},
        new Object[] {Map.of("count", 1_001, "format", "pdf"), "/count"});
  }

  @ParameterizedTest
  @MethodSource("malformedBodies")
  void refusesAMalformedBodyNamingTheField(Map<String, Object> body, String field) {
    Batch batch = sharedBatch();
    given()
        .auth()
        .oauth2(batch.brand().token())
        .contentType(ContentType.JSON)
        .body(body)
        .post(batch.path())
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.path", hasItem(field));
  }

  @Test
  void refusesAnAcceptHeaderNoFormatMatches() {
    Batch batch = sharedBatch();
    Response answer =
        given()
            .auth()
            .oauth2(batch.brand().token())
            .contentType(ContentType.JSON)
            .accept("text/csv")
            .body(Map.of("count", 1, "format", "pdf"))
            .post(batch.path());
    assertEquals(406, answer.statusCode(), answer.asString());
  }

  @Test
  void aRefusedCustodialIssueLeavesNoKeyAnotherIssuerAdopts() throws Exception {
    Brand holder = brand();
    String squatter = TestLedger.id("squatter");
    enrol(squatter, TestLedger.brandOwner());
    String lot = "CONTESTED-1";
    // Someone without the mark issues the holder's product first: refused, but a key was made.
    post(
            token(squatter, Groups.BRAND_OWNER),
            "/v1/batches?wait=true",
            batchBody(holder.gtin(), lot),
            null)
        .then()
        .statusCode(422);
    Row orphan = labelKeyRow(squatter, holder.gtin(), lot);

    created(post(holder.token(), "/v1/batches?wait=true", batchBody(holder.gtin(), lot), null));
    Ed25519PublicKey inLog = labelKey(holder.gtin(), lot);
    assertArrayEquals(
        inLog.bytes(),
        labelKeyRow(holder.id(), holder.gtin(), lot).getBuffer("public_key").getBytes());
    assertNotEquals(
        Ed25519PublicKey.of(orphan.getBuffer("public_key").getBytes()), inLog, "the orphan key");
    Response csv = labels(new Batch(holder, lot), Map.of("count", 1), null);
    csv.then().statusCode(200);
    verified(new Batch(holder, lot), rows(csv.asByteArray()).get(1)[3]);
  }

  @Test
  void aRetriedCustodialIssueMakesTheSameEntryWithTheSameLabelKey() {
    Brand brand = brand();
    String lot = "RETRY-1";
    Map<String, Object> body = batchBody(brand.gtin(), lot);
    String key = TestLedger.id("retry");
    // Were another label key made on the retry, the entry would differ and the intake would
    // refuse the reused Idempotency-Key with 409.
    Response first = post(brand.token(), "/v1/batches?wait=true", body, key);
    Response again = post(brand.token(), "/v1/batches?wait=true", body, key);
    assertEquals(201, first.statusCode(), first.asString());
    assertEquals(201, again.statusCode(), again.asString());
    assertEquals(first.jsonPath().getString("leafHash"), again.jsonPath().getString("leafHash"));
    labelKeyRow(brand.id(), brand.gtin(), lot);
  }

  // --- fixtures ----------------------------------------------------------------------------------

  private static Batch shared;

  /** One batch for the tests that only read; any test may create it first. */
  private synchronized Batch sharedBatch() {
    if (shared == null) {
      shared = custodialBatch();
    }
    return shared;
  }

  /** A fresh brand owner holding a fresh EM mark, with a product registered under it. */
  private static Brand brand() {
    String registrar = TestLedger.id("em-office");
    String brand = TestLedger.id("brand");
    enrol(registrar, TestLedger.registrar("EM"));
    enrol(brand, TestLedger.brandOwner());
    String number = TestLedger.registrationNumber();
    created(
        post(
            token(registrar, Groups.REGISTRAR),
            "/v1/trademarks?wait=true",
            TestLedger.wordMark("EM", number, brand),
            null));
    String gtin = TestLedger.gtin();
    String brandToken = token(brand, Groups.BRAND_OWNER);
    created(
        post(
            brandToken,
            "/v1/products?wait=true",
            Map.of(
                "gtin",
                gtin,
                "trademark",
                Map.of("office", "EM", "number", number),
                "niceClass",
                25,
                "description",
                "Running shoe",
                "territories",
                List.of("EM")),
            null));
    return new Brand(brand, gtin, brandToken);
  }

  /** A batch issued without a labelKey, so that the service holds its label key. */
  private static Batch custodialBatch() {
    Brand brand = brand();
    String lot = "L-" + TestLedger.RANDOM.nextInt(1_000_000);
    created(post(brand.token(), "/v1/batches?wait=true", batchBody(brand.gtin(), lot), null));
    return new Batch(brand, lot);
  }

  private static Map<String, Object> batchBody(String gtin, String lot) {
    return Map.of(
        "gtin", gtin, "batch", lot, "serialCount", 10_000, "issueDate", TestLedger.today());
  }

  private static void created(Response response) {
    assertEquals(201, response.statusCode(), response.asString());
  }

  private static Response labels(Batch batch, Map<String, Object> body, String accept) {
    var request =
        given().auth().oauth2(batch.brand().token()).contentType(ContentType.JSON).body(body);
    if (accept != null) {
      request = request.accept(accept);
    }
    return request.post(batch.path());
  }

  /** Parses {@code uri} and verifies its signature with the label key the log names. */
  private DigitalLink verified(Batch batch, String uri) throws Exception {
    DigitalLink link = DigitalLink.parse(uri);
    assertEquals(batch.brand().gtin(), link.gtin().digits());
    assertEquals(batch.lot(), link.batch().orElseThrow());
    LabelVerifier.verify(labelKey(batch.brand().gtin(), batch.lot()), link);
    return link;
  }

  private Ed25519PublicKey labelKey(String gtin, String lot) {
    return ledger.snapshot().state().batch(Gtin.of(gtin), lot).orElseThrow().labelKey();
  }

  private Row labelKeyRow(String issuer, String gtin, String lot) {
    var rows =
        pool.preparedQuery(
                "SELECT * FROM custodial_label_key WHERE issuer = $1 AND gtin = $2 AND batch = $3")
            .execute(Tuple.of(issuer, gtin, lot))
            .await()
            .indefinitely();
    assertEquals(1, rows.rowCount(), "label keys of " + issuer + " for " + gtin + "/" + lot);
    return rows.iterator().next();
  }

  /** RFC 4180 rows: CRLF line ends, quoted fields with doubled quotes. */
  private static List<String[]> rows(byte[] csv) {
    String text = new String(csv, StandardCharsets.US_ASCII);
    assertTrue(text.endsWith("\r\n"));
    List<String[]> rows = new ArrayList<>();
    for (String line : text.split("\r\n")) {
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          fields.add(field.toString());
          field.setLength(0);
        } else {
          field.append(c);
        }
      }
      fields.add(field.toString());
      rows.add(fields.toArray(String[]::new));
    }
    return rows;
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }
}
