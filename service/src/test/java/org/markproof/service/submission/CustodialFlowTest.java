package org.markproof.service.submission;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.markproof.service.submission.TestLedger.enrol;
import static org.markproof.service.submission.TestLedger.post;
import static org.markproof.service.submission.TestLedger.token;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.markproof.service.auth.Groups;

/**
 * The custodial flow end to end through real HTTP on a fresh ledger: the operator enrols itself,
 * then a registrar of EM and a brand owner; the registrar records a mark; the brand owner registers
 * a product and issues a batch. Every step waits for the log and its inclusion proof verifies
 * against the signed checkpoint it came with.
 */
@QuarkusTest
@TestProfile(FreshLedgerProfile.class)
class CustodialFlowTest {
  @Inject Pool pool;

  @Test
  void theOperatorsSelfEnrolmentIsTheFirstEntry() throws Exception {
    Response genesis = TestLedger.genesis();
    assertEquals(201, genesis.statusCode(), genesis.asString());
    JsonPath answer = genesis.jsonPath();
    assertEquals(0L, answer.getLong("index"));
    TestLedger.verifyInLog(answer);
  }

  @Test
  void operatorEnrolsRegistrarRecordsMarkBrandOwnerRegistersProductAndBatch() throws Exception {
    String registrar = TestLedger.id("em-office");
    String brand = TestLedger.id("brand");
    enrol(registrar, TestLedger.registrar("EM"));
    enrol(brand, TestLedger.brandOwner());

    String number = TestLedger.registrationNumber();
    JsonPath mark =
        created(
            post(
                token(registrar, Groups.REGISTRAR),
                "/v1/trademarks?wait=true",
                TestLedger.wordMark("EM", number, brand),
                null));
    TestLedger.verifyInLog(mark);

    String gtin = TestLedger.gtin();
    JsonPath product =
        created(
            post(
                token(brand, Groups.BRAND_OWNER),
                "/v1/products?wait=true",
                product(gtin, number),
                null));
    TestLedger.verifyInLog(product);

    JsonPath batch =
        created(
            post(
                token(brand, Groups.BRAND_OWNER),
                "/v1/batches?wait=true",
                batch(gtin, "L-1"),
                null));
    TestLedger.verifyInLog(batch);
    assertNotEquals(product.getLong("index"), batch.getLong("index"));
  }

  @Test
  void holderLicensesRegistrarRenewsAndAssignsTheMark() throws Exception {
    String registrar = TestLedger.id("em-office");
    String holder = TestLedger.id("holder");
    String licensee = TestLedger.id("licensee");
    String buyer = TestLedger.id("buyer");
    enrol(registrar, TestLedger.registrar("EM"));
    enrol(holder, TestLedger.brandOwner());
    enrol(licensee, TestLedger.brandOwner());
    enrol(buyer, TestLedger.brandOwner());
    String number = TestLedger.registrationNumber();
    String registrarToken = token(registrar, Groups.REGISTRAR);
    created(
        post(
            registrarToken,
            "/v1/trademarks?wait=true",
            TestLedger.wordMark("EM", number, holder),
            null));

    JsonPath license =
        created(
            post(
                token(holder, Groups.BRAND_OWNER),
                "/v1/licenses?wait=true",
                Map.of(
                    "license", TestLedger.id("lic"),
                    "licensor", holder,
                    "licensee", licensee,
                    "trademark", Map.of("office", "EM", "number", number),
                    "scope",
                        Map.of(
                            "gtins", List.of(),
                            "companyPrefixes", List.of("9506000"),
                            "niceClasses", List.of(25),
                            "territories", List.of("EM")),
                    "startDate", TestLedger.today(),
                    "endDate", "2030-12-31"),
                null));
    TestLedger.verifyInLog(license);

    JsonPath renewal =
        created(
            post(
                registrarToken,
                "/v1/trademarks/EM/" + number + "/status?wait=true",
                Map.of(
                    "status", "renewed",
                    "newExpiryDate", "2041-03-01",
                    "effectiveDate", TestLedger.today()),
                null));
    TestLedger.verifyInLog(renewal);

    JsonPath assignment =
        created(
            post(
                registrarToken,
                "/v1/trademarks/EM/" + number + "/assignments?wait=true",
                Map.of("newHolder", buyer, "effectiveDate", TestLedger.today()),
                null));
    TestLedger.verifyInLog(assignment);
  }

  @Test
  void answers202WithLeafHashReceiptAndLocationWithoutWaiting() {
    String registrar = TestLedger.id("em-office");
    String brand = TestLedger.id("brand");
    enrol(registrar, TestLedger.registrar("EM"));
    enrol(brand, TestLedger.brandOwner());
    Response accepted =
        post(
            token(registrar, Groups.REGISTRAR),
            "/v1/trademarks",
            TestLedger.wordMark("EM", TestLedger.registrationNumber(), brand),
            null);
    assertEquals(202, accepted.statusCode(), accepted.asString());
    String id = accepted.jsonPath().getString("submission");
    assertEquals(
        "/v1/submissions/" + id, java.net.URI.create(accepted.header("Location")).getPath());
    assertEquals(32, Base64.getDecoder().decode(accepted.jsonPath().getString("leafHash")).length);
    assertNotEquals(null, accepted.jsonPath().getString("receipt"));
    assertNotEquals(null, accepted.jsonPath().getString("acceptedAt"));
  }

  @Test
  void brandOwnerCannotRegisterUnderAnotherHoldersMark() {
    String registrar = TestLedger.id("em-office");
    String holder = TestLedger.id("holder");
    String other = TestLedger.id("other-brand");
    enrol(registrar, TestLedger.registrar("EM"));
    enrol(holder, TestLedger.brandOwner());
    enrol(other, TestLedger.brandOwner());
    String number = TestLedger.registrationNumber();
    created(
        post(
            token(registrar, Groups.REGISTRAR),
            "/v1/trademarks?wait=true",
            TestLedger.wordMark("EM", number, holder),
            null));

    post(token(other, Groups.BRAND_OWNER), "/v1/products", product(TestLedger.gtin(), number), null)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("code", equalTo("rule-violations"))
        .body("violations.code", hasItem("registrant-not-entitled"));
  }

  @Test
  void aRegistrarCannotRecordAnotherOfficesMark() {
    String registrar = TestLedger.id("au-office");
    String brand = TestLedger.id("brand");
    enrol(registrar, TestLedger.registrar("AU"));
    enrol(brand, TestLedger.brandOwner());
    post(
            token(registrar, Groups.REGISTRAR),
            "/v1/trademarks",
            TestLedger.wordMark("EM", TestLedger.registrationNumber(), brand),
            null)
        .then()
        .statusCode(422)
        .body("violations.code", hasItem("mark-office-mismatch"))
        .body("violations.path", hasItem("/trademark/office"));
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyGetsTheSameAnswerAndAddsNoLeaf() {
    String registrar = TestLedger.id("em-office");
    String brand = TestLedger.id("brand");
    enrol(registrar, TestLedger.registrar("EM"));
    enrol(brand, TestLedger.brandOwner());
    Map<String, Object> mark = TestLedger.wordMark("EM", TestLedger.registrationNumber(), brand);
    String token = token(registrar, Groups.REGISTRAR);

    Response first = post(token, "/v1/trademarks?wait=true", mark, "retry-1");
    Response again = post(token, "/v1/trademarks?wait=true", mark, "retry-1");
    assertEquals(201, first.statusCode(), first.asString());
    assertEquals(first.asString(), again.asString());
    Response withoutWait = post(token, "/v1/trademarks", mark, "retry-1");
    assertEquals(202, withoutWait.statusCode());
    assertEquals(
        first.jsonPath().getString("submission"), withoutWait.jsonPath().getString("submission"));

    byte[] leafHash = Base64.getDecoder().decode(first.jsonPath().getString("leafHash"));
    long leaves =
        pool.preparedQuery("SELECT count(*) FROM log_entry WHERE leaf_hash = $1")
            .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(leafHash)))
            .await()
            .indefinitely()
            .iterator()
            .next()
            .getLong(0);
    assertEquals(1L, leaves);
  }

  @Test
  void revokesLabelsAndAWholeBatchByKind() {
    String registrar = TestLedger.id("em-office");
    String brand = TestLedger.id("brand");
    enrol(registrar, TestLedger.registrar("EM"));
    enrol(brand, TestLedger.brandOwner());
    String number = TestLedger.registrationNumber();
    String brandToken = token(brand, Groups.BRAND_OWNER);
    created(
        post(
            token(registrar, Groups.REGISTRAR),
            "/v1/trademarks?wait=true",
            TestLedger.wordMark("EM", number, brand),
            null));
    String gtin = TestLedger.gtin();
    created(post(brandToken, "/v1/products?wait=true", product(gtin, number), null));
    created(post(brandToken, "/v1/batches?wait=true", batch(gtin, "B-7"), null));

    created(
        post(
            brandToken,
            "/v1/revocations?wait=true",
            Map.of(
                "kind", "label.revoked",
                "gtin", gtin,
                "batch", "B-7",
                "serials", List.of("0001"),
                "reason", "stolen"),
            null));
    created(
        post(
            brandToken,
            "/v1/revocations?wait=true",
            Map.of("kind", "batch.revoked", "gtin", gtin, "batch", "B-7", "reason", "recall"),
            null));
  }

  static Map<String, Object> product(String gtin, String number) {
    return Map.of(
        "gtin",
        gtin,
        "trademark",
        Map.of("office", "EM", "number", number),
        "niceClass",
        25,
        "description",
        "Running shoe",
        "territories",
        List.of("EM"));
  }

  static Map<String, Object> batch(String gtin, String lot) {
    return Map.of(
        "gtin",
        gtin,
        "batch",
        lot,
        "serialCount",
        100,
        "labelKey",
        TestLedger.publicKeyBase64(TestLedger.newKey()),
        "issueDate",
        TestLedger.today());
  }

  static JsonPath created(Response response) {
    assertEquals(201, response.statusCode(), response.asString());
    return response.jsonPath();
  }
}
