package org.markproof.service.scan;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.service.submission.TestLedger.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.barcode.BarcodeEncoder;
import org.markproof.contracts.barcode.PngRenderer;
import org.markproof.contracts.barcode.QrErrorCorrection;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.checkpoint.TlogProof;
import org.markproof.contracts.checkpoint.TlogProofVerifier;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.verdict.EvidenceVerifier;
import org.markproof.contracts.verdict.VerdictSignature;
import org.markproof.service.auth.Groups;
import org.markproof.service.submission.TestLedger;
import org.markproof.service.testing.TestTokens;

/**
 * The customs scan API end to end through real HTTP on a real PostgreSQL: each verdict kind by text
 * and by photo, evidence that verifies with the published keys, clone detection across posts,
 * idempotent retries, the security matrix, bad input, seizures, alerts and the consumer check.
 */
@QuarkusTest
@TestProfile(ScanProfile.class)
class ScanApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScanWorld w;

  @org.junit.jupiter.api.BeforeEach
  void world() {
    w = ScanWorld.get();
  }

  private static ObjectNode document(Response response) throws Exception {
    assertEquals(200, response.statusCode(), response.asString());
    return (ObjectNode) JSON.readTree(response.asString());
  }

  private ObjectNode scanText(String code) throws Exception {
    return document(w.scan(w.officerToken(), w.scanBody(code)));
  }

  private static List<String> reasons(ObjectNode doc) {
    List<String> out = new ArrayList<>();
    doc.get("reasons").forEach(r -> out.add(r.textValue()));
    return out;
  }

  /** Checks the verdict's signature and every proof with the keys the service publishes. */
  private static Set<String> verifyEvidence(ObjectNode doc) throws Exception {
    String verdictKey =
        given().get("/v1/scans/key").then().statusCode(200).extract().path("verdictKey");
    VerdictSignature.verify(doc, Ed25519NoteVerifier.parse(verdictKey));
    String logKey =
        given().get("/v1/log/key").then().statusCode(200).extract().path("checkpointVerifierKey");
    CheckpointVerifier log = CheckpointVerifier.forLog(Ed25519NoteVerifier.parse(logKey));
    byte[] checkpoint = doc.at("/evidence/checkpoint").textValue().getBytes(StandardCharsets.UTF_8);
    EvidenceVerifier.Result audited =
        EvidenceVerifier.of(log, Ed25519NoteVerifier.parse(verdictKey))
            .verify(JSON.writeValueAsBytes(doc));
    assertEquals(doc.get("verdict").textValue(), audited.verdict());
    Set<String> roles = new HashSet<>();
    for (JsonNode e : doc.at("/evidence/entries")) {
      TlogProof proof =
          TlogProof.parse(e.get("proof").textValue().getBytes(StandardCharsets.UTF_8));
      assertArrayEquals(checkpoint, proof.checkpointNote());
      TlogProofVerifier.verifyEntry(
          proof, log, Base64.getDecoder().decode(e.get("entry").textValue()));
      assertTrue(roles.add(e.get("role").textValue()));
    }
    return roles;
  }

  @Test
  void aGenuineLabelGetsASignedVerdictWhoseEvidenceVerifies() throws Exception {
    String serial = "G" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Response response =
        w.scan(w.officerToken(), w.scanBody(ScanWorld.label(w.labelKey, w.gtin, "L1", serial)));
    ObjectNode doc = document(response);
    assertEquals("GENUINE", doc.get("verdict").textValue(), doc.toString());
    assertEquals(List.of("label-signature-valid", "issued-by-holder"), reasons(doc));
    assertEquals(w.gtin, doc.at("/product/gtin").textValue());
    assertEquals("Running shoe", doc.at("/product/description").textValue());
    assertEquals("EM", doc.at("/mark/office").textValue());
    assertEquals(w.number, doc.at("/mark/number").textValue());
    assertEquals(w.holder, doc.at("/holder/id").textValue());
    assertEquals("L1", doc.at("/batch/batch").textValue());
    assertEquals(serial, doc.at("/item/serial").textValue());
    assertFalse(doc.get("offline").booleanValue());
    assertEquals(Set.of("batch", "product", "mark"), verifyEvidence(doc));
    assertTrue(List.of("pending", "durable").contains(response.header("Markproof-Record")));
  }

  @Test
  void labelsPrintedByTheServiceForItsIssuerScanGenuine() throws Exception {
    String csv =
        given()
            .auth()
            .oauth2(token(w.holder, Groups.BRAND_OWNER))
            .contentType("application/json")
            .accept("text/csv")
            .body(Map.of("count", 2))
            .post("/v1/batches/" + w.gtin + "/CL1/labels")
            .then()
            .extract()
            .asString();
    assertTrue(csv.startsWith("gtin,batch,serial,uri"), csv);
    String[] lines = csv.strip().split("\r?\n");
    assertEquals(3, lines.length, csv);
    for (String line : List.of(lines[1], lines[2])) {
      String uri = line.substring(line.lastIndexOf(',') + 1).replace("\"", "");
      ObjectNode doc = scanText(uri);
      assertEquals("GENUINE", doc.get("verdict").textValue(), doc.toString());
      assertEquals("CL1", doc.at("/batch/batch").textValue());
      assertEquals(Set.of("batch", "product", "mark"), verifyEvidence(doc));
    }
  }

  @Test
  void everyVerdictKindByText() throws Exception {
    ObjectNode licensed = scanText(ScanWorld.label(w.licenseeLabelKey, w.gtin, "LL1", "LIC00001"));
    assertEquals("GENUINE", licensed.get("verdict").textValue());
    assertEquals(w.licensee, licensed.at("/licensee/id").textValue());
    assertEquals(Set.of("batch", "product", "mark", "license"), verifyEvidence(licensed));

    ObjectNode forged = scanText(ScanWorld.label(TestLedger.newKey(), w.gtin, "L1", "FAKE0001"));
    assertEquals("COUNTERFEIT", forged.get("verdict").textValue());
    assertEquals("signature-invalid", reasons(forged).get(0));
    verifyEvidence(forged);

    ObjectNode unknownBatch =
        scanText(ScanWorld.label(TestLedger.newKey(), w.gtin, "NOPE", "FAKE0002"));
    assertEquals("COUNTERFEIT", unknownBatch.get("verdict").textValue());
    assertEquals("batch-unknown", reasons(unknownBatch).get(0));

    ObjectNode stolen = scanText(ScanWorld.label(w.labelKey, w.gtin, "L1", "STOLEN01"));
    assertEquals("REVOKED", stolen.get("verdict").textValue());
    assertEquals("label-revoked", reasons(stolen).get(0));
    assertTrue(verifyEvidence(stolen).contains("revocation"));

    ObjectNode recalled = scanText(ScanWorld.label(w.revokedBatchKey, w.gtin, "RB1", "ANY00001"));
    assertEquals("REVOKED", recalled.get("verdict").textValue());
    assertEquals("batch-revoked", reasons(recalled).get(0));
    assertTrue(recalled.at("/batch/revoked").booleanValue());

    ObjectNode elsewhere = scanText(ScanWorld.label(w.auLabelKey, w.auOnlyGtin, "A1", "AU000001"));
    assertEquals("NOT_AUTHORIZED", elsewhere.get("verdict").textValue());
    assertEquals("territory-not-covered", reasons(elsewhere).get(0));
    verifyEvidence(elsewhere);

    ObjectNode ean = scanText(w.gtin.substring(1));
    assertEquals("UNKNOWN", ean.get("verdict").textValue());
    assertEquals(List.of("gtin-only", "product-registered"), reasons(ean));
    assertEquals(Set.of("product", "mark"), verifyEvidence(ean));

    for (String junk :
        List.of(
            "hello",
            "'; DROP TABLE scan; --",
            "<script>alert(1)</script>",
            "a\u0000b\u0007c",
            "https://evil.example/not/a/link")) {
      ObjectNode malformed = scanText(junk);
      assertEquals("MALFORMED", malformed.get("verdict").textValue(), junk);
      assertEquals("code-malformed", reasons(malformed).get(0));
      assertNotNull(malformed.get("detail"));
      assertEquals(junk, malformed.at("/scan/code").textValue());
      assertEquals(0, malformed.at("/evidence/entries").size());
      verifyEvidence(malformed);
    }
  }

  private Response photoScan(String token, byte[] image, String mime) throws java.io.IOException {
    java.io.File file = java.io.File.createTempFile("scan", ".png");
    file.deleteOnExit();
    java.nio.file.Files.write(file.toPath(), image);
    return given()
        .auth()
        .oauth2(token)
        .multiPart("photo", file, mime)
        .multiPart("postId", w.post)
        .multiPart("lat", "50.0379")
        .multiPart("lon", "8.5622")
        .multiPart("scannedAt", Instant.now().toString())
        .multiPart("scanId", UUID.randomUUID().toString())
        .post("/v1/scans");
  }

  @Test
  void aPhotoIsDecodedThenJudgedTheSameWay() throws Exception {
    String label = ScanWorld.label(w.labelKey, w.gtin, "L1", "PHOTO001");
    byte[] png = PngRenderer.render(BarcodeEncoder.qrCode(label, QrErrorCorrection.M), 6);
    ObjectNode genuine = document(photoScan(w.officerToken(), png, "image/png"));
    assertEquals("GENUINE", genuine.get("verdict").textValue(), genuine.toString());
    assertEquals("qr_code", genuine.at("/scan/symbology").textValue());
    verifyEvidence(genuine);

    String stolen = ScanWorld.label(w.labelKey, w.gtin, "L1", "STOLEN01");
    byte[] stolenPng = PngRenderer.render(BarcodeEncoder.qrCode(stolen, QrErrorCorrection.M), 6);
    assertEquals(
        "REVOKED",
        document(photoScan(w.officerToken(), stolenPng, "image/png")).get("verdict").textValue());

    byte[] blank = PngRenderer.render(BarcodeEncoder.qrCode("x", QrErrorCorrection.L), 1);
    java.awt.image.BufferedImage white =
        new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    var g = white.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 200, 200);
    g.dispose();
    var out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(white, "png", out);
    ObjectNode none = document(photoScan(w.officerToken(), out.toByteArray(), "image/png"));
    assertEquals("MALFORMED", none.get("verdict").textValue());
    assertTrue(none.get("detail").textValue().contains("no barcode"), none.toString());
    assertTrue(blank.length > 0);

    Response garbage =
        photoScan(
            w.officerToken(), "not an image at all".getBytes(StandardCharsets.UTF_8), "image/png");
    assertEquals(400, garbage.statusCode(), garbage.asString());
    assertEquals("application/problem+json", garbage.contentType());
    assertTrue(garbage.asString().contains("/photo"));

    byte[] oversized = java.util.Arrays.copyOf(png, 1_000_100);
    Response tooBig = photoScan(w.officerToken(), oversized, "image/png");
    assertEquals(413, tooBig.statusCode(), tooBig.asString());
    assertEquals("application/problem+json", tooBig.contentType());

    byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);
    assertEquals(400, photoScan(w.officerToken(), truncated, "image/png").statusCode());
  }

  @Test
  void theSameSerialAtTwoPostsTooFarApartIsASuspectClone() throws Exception {
    String serial = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String label = ScanWorld.label(w.labelKey, w.gtin, "L1", serial);
    Map<String, Object> first = w.scanBody(label);
    first.put("scannedAt", Instant.now().minus(Duration.ofMinutes(30)).toString());
    ObjectNode genuine = document(w.scan(w.officerToken(), first));
    assertEquals("GENUINE", genuine.get("verdict").textValue());

    Map<String, Object> far = w.scanBody(label);
    far.put("postId", w.farPost);
    far.put("lat", 38.7813);
    far.put("lon", -9.1359);
    ObjectNode clone = document(w.scan(token(w.farOfficer, Groups.CUSTOMS), far));
    assertEquals("SUSPECT_CLONE", clone.get("verdict").textValue(), clone.toString());
    assertEquals("seen-at-distant-post", reasons(clone).get(0));
    assertEquals(first.get("scanId"), clone.at("/sightings/0/scanId").textValue());
    assertEquals(w.post, clone.at("/sightings/0/postId").textValue());
    verifyEvidence(clone);

    w.durableScan(w.officerToken(), w.scanBody("flush")).then().statusCode(200);
    List<String> holderAlerts =
        given()
            .auth()
            .oauth2(token(w.holder, Groups.BRAND_OWNER))
            .get("/v1/alerts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("alerts.scanId");
    assertTrue(holderAlerts.contains(far.get("scanId")), holderAlerts.toString());
    List<String> strangerAlerts =
        given()
            .auth()
            .oauth2(token(w.stranger, Groups.BRAND_OWNER))
            .get("/v1/alerts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("alerts.scanId");
    assertTrue(strangerAlerts.isEmpty(), strangerAlerts.toString());
  }

  @Test
  void aRetryGetsTheSameVerdictAndAReusedIdIsRefused() throws Exception {
    Map<String, Object> body = w.scanBody(ScanWorld.label(w.labelKey, w.gtin, "L1", "RETRY001"));
    Response first = w.durableScan(w.officerToken(), body);
    assertEquals("durable", first.header("Markproof-Record"));
    Response again = w.scan(w.officerToken(), body);
    assertEquals(200, again.statusCode());
    assertEquals("true", again.header("Markproof-Replayed"));
    assertEquals(first.asString(), again.asString());

    String stored =
        given()
            .auth()
            .oauth2(w.officerToken())
            .get("/v1/scans/" + body.get("scanId"))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertEquals(first.asString(), stored);

    body.put("code", ScanWorld.label(w.labelKey, w.gtin, "L1", "RETRY002"));
    Response reused = w.scan(w.officerToken(), body);
    assertEquals(409, reused.statusCode(), reused.asString());
    assertTrue(reused.asString().contains("scan-id-reused"));
  }

  @Test
  void onlyCustomsAtTheirOwnPostScanAndReadTheirPostsScans() throws Exception {
    Map<String, Object> body = w.scanBody("hello");
    assertEquals(
        401, given().contentType("application/json").body(body).post("/v1/scans").statusCode());
    for (String group : List.of(Groups.BRAND_OWNER, Groups.REGISTRAR, Groups.OPERATOR)) {
      assertEquals(403, w.scan(token(w.holder, group), body).statusCode(), group);
    }
    String expired =
        TestTokens.forSubject(w.officer, Groups.CUSTOMS).expiresIn(Duration.ofMinutes(-10)).sign();
    assertEquals(401, w.scan(expired, body).statusCode());
    assertEquals(
        401,
        w.scan(TestTokens.forSubject(w.officer, Groups.CUSTOMS).unsigned(), body).statusCode());

    Response wrongPost = w.scan(token(w.farOfficer, Groups.CUSTOMS), body);
    assertEquals(403, wrongPost.statusCode());
    assertTrue(wrongPost.asString().contains("post-mismatch"));
    Response notEnrolled =
        w.scan(
            token("nobody-" + UUID.randomUUID().toString().substring(0, 6), Groups.CUSTOMS), body);
    assertEquals(403, notEnrolled.statusCode());

    Map<String, Object> mine = w.scanBody("hello");
    w.durableScan(w.officerToken(), mine).then().statusCode(200);
    String id = (String) mine.get("scanId");
    given()
        .auth()
        .oauth2(token(w.farOfficer, Groups.CUSTOMS))
        .get("/v1/scans/" + id)
        .then()
        .statusCode(404);
    given().auth().oauth2(TestLedger.operatorToken()).get("/v1/scans/" + id).then().statusCode(200);
    given()
        .auth()
        .oauth2(token(w.holder, Groups.BRAND_OWNER))
        .get("/v1/scans/" + id)
        .then()
        .statusCode(403);
    given().get("/v1/scans/" + id).then().statusCode(401);

    List<String> own =
        given()
            .auth()
            .oauth2(w.officerToken())
            .get("/v1/scans?limit=1000")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("scans.postId");
    assertTrue(own.contains(w.post) && own.stream().allMatch(w.post::equals), own.toString());
    given()
        .auth()
        .oauth2(w.officerToken())
        .queryParam("post", w.farPost)
        .get("/v1/scans")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestLedger.operatorToken())
        .queryParam("post", w.farPost)
        .get("/v1/scans")
        .then()
        .statusCode(200);
    given().auth().oauth2(w.officerToken()).get("/v1/alerts").then().statusCode(403);
    given().get("/v1/alerts").then().statusCode(401);
  }

  @Test
  void badInputIsRefusedWithAProblemAndNothingIsRecorded() throws Exception {
    String token = w.officerToken();
    List<Object[]> cases = new ArrayList<>();
    Map<String, Object> longCode = w.scanBody("x".repeat(5000));
    cases.add(new Object[] {longCode, 413, "/code"});
    Map<String, Object> unknown = w.scanBody("hello");
    unknown.put("extra", 1);
    cases.add(new Object[] {unknown, 400, "/extra"});
    Map<String, Object> lat = w.scanBody("hello");
    lat.put("lat", 91);
    cases.add(new Object[] {lat, 400, "/lat"});
    Map<String, Object> latText = w.scanBody("hello");
    latText.put("lat", "50.1");
    cases.add(new Object[] {latText, 400, "/lat"});
    Map<String, Object> future = w.scanBody("hello");
    future.put("scannedAt", Instant.now().plus(Duration.ofHours(1)).toString());
    cases.add(new Object[] {future, 400, "/scannedAt"});
    Map<String, Object> badTime = w.scanBody("hello");
    badTime.put("scannedAt", "yesterday");
    cases.add(new Object[] {badTime, 400, "/scannedAt"});
    Map<String, Object> noId = w.scanBody("hello");
    noId.remove("scanId");
    cases.add(new Object[] {noId, 400, "/scanId"});
    Map<String, Object> badId = w.scanBody("hello");
    badId.put("scanId", "../../etc/passwd");
    cases.add(new Object[] {badId, 400, "/scanId"});
    for (Object[] c : cases) {
      @SuppressWarnings("unchecked")
      Map<String, Object> body = (Map<String, Object>) c[0];
      Response r = w.scan(token, body);
      assertEquals(c[1], r.statusCode(), r.asString());
      assertEquals("application/problem+json", r.contentType());
      assertTrue(r.asString().contains((String) c[2]), r.asString());
      Object id = body.get("scanId");
      if (id != null && ScanRequests.SCAN_ID.matcher(id.toString()).matches()) {
        given()
            .auth()
            .oauth2(TestLedger.operatorToken())
            .get("/v1/scans/" + id)
            .then()
            .statusCode(404);
      }
    }
    Response notJson =
        given()
            .auth()
            .oauth2(token)
            .contentType("application/json")
            .body("{\"code\": ")
            .post("/v1/scans");
    assertEquals(400, notJson.statusCode());
    Response invalidUtf8 =
        given()
            .auth()
            .oauth2(token)
            .contentType("application/json")
            .body(
                new byte[] {
                  '{', '"', 'c', 'o', 'd', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
                })
            .post("/v1/scans");
    assertEquals(400, invalidUtf8.statusCode(), invalidUtf8.asString());
    Response huge =
        given()
            .auth()
            .oauth2(token)
            .contentType("application/json")
            .body("{\"code\": \"" + "y".repeat(20_000) + "\"}")
            .post("/v1/scans");
    assertEquals(413, huge.statusCode());
  }

  @Test
  void anOfficerSeizesGoodsOfTheirOwnScanAsASignedLogEntry() throws Exception {
    Map<String, Object> body =
        w.scanBody(ScanWorld.label(TestLedger.newKey(), w.gtin, "L1", "SEIZE001"));
    w.durableScan(w.officerToken(), body).then().statusCode(200);
    String scanId = (String) body.get("scanId");

    given()
        .auth()
        .oauth2(token(w.farOfficer, Groups.CUSTOMS))
        .contentType("application/json")
        .body(Map.of("scanId", scanId))
        .post("/v1/seizures")
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(token(w.holder, Groups.BRAND_OWNER))
        .contentType("application/json")
        .body(Map.of("scanId", scanId))
        .post("/v1/seizures")
        .then()
        .statusCode(403);

    Response seized =
        given()
            .auth()
            .oauth2(w.officerToken())
            .contentType("application/json")
            .body(Map.of("scanId", scanId))
            .post("/v1/seizures?wait=true");
    assertEquals(201, seized.statusCode(), seized.asString());
    long index = seized.jsonPath().getLong("index");
    String entry =
        given().get("/v1/log/entries/" + index).then().statusCode(200).extract().asString();
    assertTrue(entry.contains("seizure.recorded") && entry.contains(scanId), entry);
    assertTrue(entry.contains("counterfeit"), entry);

    Response twice =
        given()
            .auth()
            .oauth2(w.officerToken())
            .contentType("application/json")
            .body(Map.of("scanId", scanId, "reason", "other"))
            .post("/v1/seizures?wait=true");
    assertEquals(422, twice.statusCode(), twice.asString());
    Response badReason =
        given()
            .auth()
            .oauth2(w.officerToken())
            .contentType("application/json")
            .body(Map.of("scanId", scanId, "reason", "because"))
            .post("/v1/seizures");
    assertEquals(400, badReason.statusCode());
  }

  @Test
  void theConsumerCheckSaysGenuineWithoutEvidenceAndIsRateLimited() throws Exception {
    String label = ScanWorld.label(w.labelKey, w.gtin, "L1", "CONSUMER1");
    Response ok = given().queryParam("code", label).get("/v1/verify");
    assertEquals(200, ok.statusCode(), ok.asString());
    assertEquals("GENUINE", ok.jsonPath().getString("verdict"));
    assertEquals(true, ok.jsonPath().getBoolean("genuine"));
    assertEquals("Running shoe", ok.jsonPath().getString("product.description"));
    assertNull(ok.jsonPath().get("evidence"));
    assertNull(ok.jsonPath().get("scan"));

    Response forged =
        given()
            .queryParam("code", ScanWorld.label(TestLedger.newKey(), w.gtin, "L1", "X1"))
            .get("/v1/verify");
    assertEquals(false, forged.jsonPath().getBoolean("genuine"));

    int limited = 0;
    String retryAfter = null;
    for (int i = 0; i < 40; i++) {
      Response r = given().queryParam("code", "hello").get("/v1/verify");
      if (r.statusCode() == 429) {
        limited++;
        retryAfter = r.header("Retry-After");
        assertEquals("application/problem+json", r.contentType());
      }
    }
    assertTrue(limited > 0, "40 checks at once exceed a burst of 20");
    assertNotNull(retryAfter);
  }
}
