package org.markproof.service.scan;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.service.submission.TestLedger.token;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.markproof.service.auth.Groups;
import org.markproof.service.submission.TestLedger;

/**
 * {@code POST /v1/edge/scans} through real HTTP on a real PostgreSQL: uploaded scans judged as
 * online ones and recorded offline, clones found by scan time against online scans and against
 * stored sightings memory has forgotten, the brand owner's alert, idempotent retries, conflicts,
 * invalid scans among good ones, the post's own verdict kept, and who may upload.
 */
@QuarkusTest
@TestProfile(ScanProfile.class)
class EdgeUploadApiTest {
  private static final double[] FRANKFURT = {50.0379, 8.5622};
  private static final double[] LISBON = {38.7813, -9.1359};

  @Inject Scanner scanner;
  @Inject Pool pool;

  private ScanWorld w;

  @BeforeEach
  void world() {
    w = ScanWorld.get();
  }

  private static String serial(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  private static Map<String, Object> scan(String code, double[] where, Instant at) {
    Map<String, Object> scan = new HashMap<>();
    scan.put("scanId", UUID.randomUUID().toString());
    scan.put("code", code);
    scan.put("lat", where[0]);
    scan.put("lon", where[1]);
    scan.put("scannedAt", at.toString());
    return scan;
  }

  private static Response upload(String token, String postId, List<?> scans) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(Map.of("postId", postId, "scans", scans))
        .post("/v1/edge/scans");
  }

  private static JsonPath results(Response response) {
    assertEquals(200, response.statusCode(), response.asString());
    return response.jsonPath();
  }

  private String farToken() {
    return token(w.farOfficer, Groups.CUSTOMS);
  }

  private JsonPath stored(Object scanId) {
    return given()
        .auth()
        .oauth2(TestLedger.operatorToken())
        .get("/v1/scans/" + scanId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void uploadedScansAreJudgedAsOnlineOnesRecordedOfflineAndCloneAnOnlineScanByScanTime() {
    String cloned = ScanWorld.label(w.labelKey, w.gtin, "L1", serial("EC"));
    Map<String, Object> online = w.scanBody(cloned);
    online.put("scannedAt", Instant.now().minus(Duration.ofMinutes(30)).toString());
    assertEquals(
        "GENUINE",
        w.scan(w.officerToken(), online).then().statusCode(200).extract().path("verdict"));

    Instant earlier = Instant.now().minus(Duration.ofMinutes(45));
    Map<String, Object> clone = scan(cloned, LISBON, earlier);
    Map<String, Object> genuine =
        scan(ScanWorld.label(w.labelKey, w.gtin, "L1", serial("EG")), LISBON, earlier);
    Map<String, Object> stolen =
        scan(ScanWorld.label(w.labelKey, w.gtin, "L1", "STOLEN01"), LISBON, earlier);
    Map<String, Object> offMap = scan("hello", LISBON, earlier);
    offMap.put("lat", 91);
    Map<String, Object> unknown = scan("hello", LISBON, earlier);
    unknown.put("postId", w.farPost);
    List<Object> scans = List.of(genuine, clone, offMap, "not a scan", stolen, unknown);

    JsonPath answer = results(upload(farToken(), w.farPost, scans));
    assertEquals(
        List.of("recorded", "recorded", "invalid", "invalid", "recorded", "invalid"),
        answer.getList("results.status"));
    assertEquals("GENUINE", answer.getString("results[0].verdict"));
    assertEquals("SUSPECT_CLONE", answer.getString("results[1].verdict"));
    assertEquals("REVOKED", answer.getString("results[4].verdict"));
    assertEquals(genuine.get("scanId"), answer.getString("results[0].scanId"));
    assertEquals(offMap.get("scanId"), answer.getString("results[2].scanId"));
    assertTrue(answer.getString("results[2].detail").contains("/lat"), answer.prettify());
    assertTrue(answer.getString("results[5].detail").contains("postId"), answer.prettify());

    JsonPath document = stored(clone.get("scanId"));
    assertEquals("SUSPECT_CLONE", document.getString("verdict"));
    assertTrue(document.getBoolean("offline"));
    assertEquals("seen-at-distant-post", document.getString("reasons[0]"));
    assertEquals(online.get("scanId"), document.getString("sightings[0].scanId"));
    given()
        .auth()
        .oauth2(TestLedger.operatorToken())
        .get("/v1/scans/" + offMap.get("scanId"))
        .then()
        .statusCode(404);

    List<Map<String, Object>> alerts =
        given()
            .auth()
            .oauth2(token(w.holder, Groups.BRAND_OWNER))
            .queryParam("limit", "1000")
            .get("/v1/alerts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("alerts");
    Map<String, Object> alert =
        alerts.stream()
            .filter(a -> clone.get("scanId").equals(a.get("scanId")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no alert for the clone: " + alerts));
    assertEquals("SUSPECT_CLONE", alert.get("verdict"));
    assertEquals(true, alert.get("offline"));
    assertEquals(w.farPost, alert.get("postId"));
  }

  @Test
  void aScanFromDaysAgoClonesAStoredSightingMemoryHasForgotten() {
    String code = ScanWorld.label(w.labelKey, w.gtin, "L1", serial("OLD"));
    Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
    Map<String, Object> first = scan(code, FRANKFURT, threeDaysAgo);
    JsonPath one = results(upload(w.officerToken(), w.post, List.of(first)));
    assertEquals("GENUINE", one.getString("results[0].verdict"), one.prettify());

    scanner.forgetOldSightings();
    Map<String, Object> copy = scan(code, LISBON, threeDaysAgo.plus(Duration.ofMinutes(20)));
    JsonPath two = results(upload(farToken(), w.farPost, List.of(copy)));
    assertEquals("SUSPECT_CLONE", two.getString("results[0].verdict"), two.prettify());
    assertEquals(first.get("scanId"), stored(copy.get("scanId")).getString("sightings[0].scanId"));
  }

  @Test
  void aRetryIsADuplicateAndTheSameIdWithOtherFieldsAConflict() {
    Instant at = Instant.now().minus(Duration.ofMinutes(5));
    Map<String, Object> a =
        scan(ScanWorld.label(w.labelKey, w.gtin, "L1", serial("RA")), FRANKFURT, at);
    Map<String, Object> b = scan("hello", FRANKFURT, at);
    JsonPath first = results(upload(w.officerToken(), w.post, List.of(a, b)));
    assertEquals(List.of("recorded", "recorded"), first.getList("results.status"));

    String colleague = TestLedger.id("officer");
    TestLedger.enrol(colleague, Map.of("type", "customs", "post", w.post));
    JsonPath retry = results(upload(token(colleague, Groups.CUSTOMS), w.post, List.of(a, b)));
    assertEquals(List.of("duplicate", "duplicate"), retry.getList("results.status"));
    assertEquals(first.getList("results.verdict"), retry.getList("results.verdict"));

    Map<String, Object> changed = new HashMap<>(a);
    changed.put("lat", 50.1);
    Map<String, Object> fresh = scan("hello again", FRANKFURT, at);
    JsonPath mixed = results(upload(w.officerToken(), w.post, List.of(changed, fresh, fresh)));
    assertEquals(List.of("conflict", "recorded", "duplicate"), mixed.getList("results.status"));
    assertTrue(mixed.getString("results[0].detail").contains("other fields"));

    long rows =
        pool.preparedQuery("SELECT count(*) FROM scan WHERE scan_id = ANY ($1)")
            .execute(
                Tuple.tuple()
                    .addArrayOfString(
                        new String[] {
                          (String) a.get("scanId"),
                          (String) b.get("scanId"),
                          (String) fresh.get("scanId")
                        }))
            .await()
            .atMost(Duration.ofSeconds(10))
            .iterator()
            .next()
            .getLong(0);
    assertEquals(3, rows);
    assertEquals(50.0379, stored(a.get("scanId")).getDouble("scan.lat"), 1e-9);
  }

  @Test
  void thePostsOwnVerdictIsKeptBesideTheServicesAndMustBeThisScans() {
    Map<String, Object> scan = scan("hello", FRANKFURT, Instant.now());
    Map<String, Object> edgeVerdict =
        Map.of(
            "format",
            "markproof/verdict/v1",
            "verdict",
            "MALFORMED",
            "offline",
            true,
            "scan",
            Map.of("scanId", scan.get("scanId"), "postId", w.post),
            "signature",
            Map.of("key", "post+01020304", "algorithm", "Ed25519", "value", "AA=="));
    scan.put("verdict", edgeVerdict);
    Map<String, Object> other = scan("hello", FRANKFURT, Instant.now());
    other.put("verdict", edgeVerdict);
    JsonPath answer = results(upload(w.officerToken(), w.post, List.of(scan, other)));
    assertEquals(List.of("recorded", "invalid"), answer.getList("results.status"));
    assertTrue(answer.getString("results[1].detail").startsWith("/verdict"), answer.prettify());

    String kept =
        pool.preparedQuery("SELECT edge_document FROM scan WHERE scan_id = $1")
            .execute(Tuple.of(scan.get("scanId")))
            .await()
            .atMost(Duration.ofSeconds(10))
            .iterator()
            .next()
            .getString(0);
    JsonPath keptJson = new JsonPath(kept);
    assertEquals("MALFORMED", keptJson.getString("verdict"));
    assertEquals(scan.get("scanId"), keptJson.getString("scan.scanId"));
  }

  @Test
  void onlyCustomsOfThePostUploadAndAMalformedUploadIsRefusedWhole() {
    List<Object> scans = List.of(scan("hello", FRANKFURT, Instant.now()));
    given()
        .contentType("application/json")
        .body(Map.of("postId", w.post, "scans", scans))
        .post("/v1/edge/scans")
        .then()
        .statusCode(401);
    for (String group : List.of(Groups.BRAND_OWNER, Groups.OPERATOR, Groups.REGISTRAR)) {
      assertEquals(403, upload(token(w.holder, group), w.post, scans).statusCode(), group);
    }
    Response wrongPost = upload(farToken(), w.post, scans);
    assertEquals(403, wrongPost.statusCode());
    assertTrue(wrongPost.asString().contains("post-mismatch"), wrongPost.asString());
    assertEquals(
        403, upload(token(TestLedger.id("nobody"), Groups.CUSTOMS), w.post, scans).statusCode());

    List<Object> tooMany = new ArrayList<>();
    for (int i = 0; i <= EdgeScanRequests.MAX_SCANS; i++) {
      tooMany.add(Map.of());
    }
    Response many = upload(w.officerToken(), w.post, tooMany);
    assertEquals(400, many.statusCode());
    assertTrue(many.asString().contains("/scans"), many.asString());
    Response extra =
        given()
            .auth()
            .oauth2(w.officerToken())
            .contentType("application/json")
            .body(Map.of("postId", w.post, "scans", scans, "batch", 1))
            .post("/v1/edge/scans");
    assertEquals(400, extra.statusCode());
    assertTrue(extra.asString().contains("/batch"));
    Response duplicateKey =
        given()
            .auth()
            .oauth2(w.officerToken())
            .contentType("application/json")
            .body("{\"postId\":\"" + w.post + "\",\"postId\":\"x\",\"scans\":[]}")
            .post("/v1/edge/scans");
    assertEquals(400, duplicateKey.statusCode());
    JsonPath empty = results(upload(w.officerToken(), w.post, List.of()));
    assertEquals(List.of(), empty.getList("results"));
  }
}
