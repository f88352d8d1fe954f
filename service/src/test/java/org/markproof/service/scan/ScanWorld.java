package org.markproof.service.scan;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.markproof.service.submission.TestLedger.enrol;
import static org.markproof.service.submission.TestLedger.post;
import static org.markproof.service.submission.TestLedger.token;

import io.restassured.response.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.label.Gtin;
import org.markproof.contracts.label.LabelSigner;
import org.markproof.service.auth.Groups;
import org.markproof.service.submission.TestLedger;

/**
 * A small world of goods on the test's ledger, made through the real submission API: a registrar of
 * EM, a holder and a licensee, a mark, two products (one for EM, one for AU only), batches with
 * label keys the test holds, a revoked serial, a revoked batch, and customs officers at two posts.
 */
final class ScanWorld {
  static final String RESOLVER = "https://id.brand.example";

  final String registrar = TestLedger.id("em-office");
  final String holder = TestLedger.id("holder");
  final String licensee = TestLedger.id("licensee");
  final String stranger = TestLedger.id("stranger");
  final String officer = TestLedger.id("officer");
  final String farOfficer = TestLedger.id("officer");
  final String post = ScanProfile.POST;
  final String farPost = ScanProfile.FAR_POST;
  final String number = TestLedger.registrationNumber();
  final String gtin = TestLedger.gtin();
  final String auOnlyGtin = TestLedger.gtin();
  final Ed25519PrivateKey labelKey = TestLedger.newKey();
  final Ed25519PrivateKey licenseeLabelKey = TestLedger.newKey();
  final Ed25519PrivateKey auLabelKey = TestLedger.newKey();
  final Ed25519PrivateKey revokedBatchKey = TestLedger.newKey();

  private static ScanWorld made;

  static synchronized ScanWorld get() {
    if (made == null) {
      ScanWorld world = new ScanWorld();
      world.build();
      made = world;
    }
    return made;
  }

  private void build() {
    enrol(registrar, TestLedger.registrar("EM"));
    enrol(holder, TestLedger.brandOwner());
    enrol(licensee, TestLedger.brandOwner());
    enrol(stranger, TestLedger.brandOwner());
    enrol(officer, Map.of("type", "customs", "post", post));
    enrol(farOfficer, Map.of("type", "customs", "post", farPost));
    created(
        post(
            token(registrar, Groups.REGISTRAR),
            "/v1/trademarks?wait=true",
            TestLedger.wordMark("EM", number, holder),
            null));
    String holderToken = token(holder, Groups.BRAND_OWNER);
    created(post(holderToken, "/v1/products?wait=true", product(gtin, "Running shoe", "EM"), null));
    created(
        post(
            holderToken,
            "/v1/products?wait=true",
            product(auOnlyGtin, "Outback boot", "AU"),
            null));
    created(post(holderToken, "/v1/batches?wait=true", batch(gtin, "L1", labelKey), null));
    created(post(holderToken, "/v1/batches?wait=true", batch(auOnlyGtin, "A1", auLabelKey), null));
    created(post(holderToken, "/v1/batches?wait=true", batch(gtin, "RB1", revokedBatchKey), null));
    // A batch whose label key the service holds for its custodial issuer: its labels are printed
    // by POST /v1/batches/{gtin}/{batch}/labels.
    created(
        post(
            holderToken,
            "/v1/batches?wait=true",
            Map.of(
                "gtin", gtin, "batch", "CL1", "serialCount", 1000, "issueDate", TestLedger.today()),
            null));
    created(
        post(
            holderToken,
            "/v1/licenses?wait=true",
            Map.of(
                "license", TestLedger.id("lic"),
                "licensor", holder,
                "licensee", licensee,
                "trademark", Map.of("office", "EM", "number", number),
                "scope",
                    Map.of(
                        "gtins", List.of(gtin),
                        "companyPrefixes", List.of(),
                        "niceClasses", List.of(25),
                        "territories", List.of("EM")),
                "startDate", TestLedger.today(),
                "endDate", "2030-12-31"),
            null));
    created(
        post(
            token(licensee, Groups.BRAND_OWNER),
            "/v1/batches?wait=true",
            batch(gtin, "LL1", licenseeLabelKey),
            null));
    created(
        post(
            holderToken,
            "/v1/revocations?wait=true",
            Map.of(
                "kind", "label.revoked",
                "gtin", gtin,
                "batch", "L1",
                "serials", List.of("STOLEN01"),
                "reason", "stolen"),
            null));
    created(
        post(
            holderToken,
            "/v1/revocations?wait=true",
            Map.of("kind", "batch.revoked", "gtin", gtin, "batch", "RB1", "reason", "recall"),
            null));
  }

  Map<String, Object> product(String gtin, String description, String territory) {
    return Map.of(
        "gtin",
        gtin,
        "trademark",
        Map.of("office", "EM", "number", number),
        "niceClass",
        25,
        "description",
        description,
        "territories",
        List.of(territory));
  }

  static Map<String, Object> batch(String gtin, String lot, Ed25519PrivateKey key) {
    return Map.of(
        "gtin",
        gtin,
        "batch",
        lot,
        "serialCount",
        1000,
        "labelKey",
        TestLedger.publicKeyBase64(key),
        "issueDate",
        TestLedger.today());
  }

  private static void created(Response response) {
    assertEquals(201, response.statusCode(), response.asString());
  }

  /**
   * The Digital Link URI of {@code serial} in {@code lot} of {@code gtin}, signed by {@code key}.
   */
  static String label(Ed25519PrivateKey key, String gtin, String lot, String serial) {
    try {
      return LabelSigner.forResolver(RESOLVER).sign(key, Gtin.parse(gtin), lot, serial).toUri();
    } catch (MalformedDataException e) {
      throw new AssertionError(e);
    }
  }

  String officerToken() {
    return token(officer, Groups.CUSTOMS);
  }

  /** A scan body at the officer's post (Frankfurt) now, with a fresh scan id. */
  Map<String, Object> scanBody(String code) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("postId", post);
    body.put("lat", 50.0379);
    body.put("lon", 8.5622);
    body.put("scannedAt", Instant.now().toString());
    body.put("scanId", UUID.randomUUID().toString());
    return body;
  }

  Response scan(String token, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(body)
        .post("/v1/scans");
  }

  /** {@link #scan}, answered once the scan is written ({@code ?durable=true}). */
  Response durableScan(String token, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(token)
        .queryParam("durable", "true")
        .contentType("application/json")
        .body(body)
        .post("/v1/scans");
  }
}
