package org.markproof.service.submission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.MarkRepresentation;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.contracts.entry.TrademarkRecorded;
import org.markproof.contracts.entry.TrademarkRef;
import org.markproof.service.auth.Groups;

/**
 * {@code POST /v1/entries} with a participant that holds its own key: its signed entries go in the
 * log; a token for someone else, a forged signature, and malformed entries are refused, each with
 * its problem.
 */
@QuarkusTest
@TestProfile(FreshLedgerProfile.class)
class SelfKeyedEntriesTest {

  /** A self-keyed registrar of AU, a brand owner, and the registrar's signed mark for it. */
  private record Parties(String registrar, Ed25519PrivateKey key, String brand) {
    SignedEntry mark(String number) {
      TrademarkRecorded statement =
          new TrademarkRecorded(
              registrar,
              new TrademarkRef(OfficeCode.of("AU"), number),
              new MarkRepresentation.WordMark("SELF " + number),
              List.of(25),
              brand,
              java.time.LocalDate.parse("2020-01-15"),
              java.time.LocalDate.parse("2021-03-01"),
              java.time.LocalDate.parse("2031-03-01"));
      return EntrySigner.sign(statement, key);
    }
  }

  private static Parties parties() {
    Ed25519PrivateKey key = TestLedger.newKey();
    String registrar = TestLedger.id("au-self");
    String brand = TestLedger.id("brand");
    TestLedger.enrolWithKey(registrar, TestLedger.registrar("AU"), key);
    TestLedger.enrol(brand, TestLedger.brandOwner());
    return new Parties(registrar, key, brand);
  }

  private static Response postEntry(String subject, String body) {
    return given()
        .auth()
        .oauth2(TestLedger.token(subject, Groups.REGISTRAR))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/entries?wait=true");
  }

  private static String json(SignedEntry entry) {
    return new String(entry.encoded(), StandardCharsets.UTF_8);
  }

  @Test
  void aSelfKeyedRegistrarsSignedEntryGoesInTheLog() throws Exception {
    Parties p = parties();
    Response answer = postEntry(p.registrar(), json(p.mark(TestLedger.registrationNumber())));
    assertEquals(201, answer.statusCode(), answer.asString());
    TestLedger.verifyInLog(answer.jsonPath());
  }

  @Test
  void readsAnEntryInAnyFormatting() {
    Parties p = parties();
    String pretty = json(p.mark(TestLedger.registrationNumber())).replace(",", ",\n  ");
    postEntry(p.registrar(), pretty).then().statusCode(201);
  }

  @Test
  void refusesAnEntryWhoseSubmitterIsNotTheTokensSubject() {
    Parties p = parties();
    postEntry(p.brand(), json(p.mark(TestLedger.registrationNumber())))
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("forbidden"))
        .body("violations.code", hasItem("submitter-mismatch"));
  }

  @Test
  void refusesAForgedSignatureWithSignatureInvalid() {
    Parties p = parties();
    SignedEntry genuine = p.mark(TestLedger.registrationNumber());
    byte[] signature = genuine.signature();
    signature[0] ^= 0x01;
    SignedEntry forged = SignedEntry.of(genuine.statement(), genuine.keyId(), signature);
    postEntry(p.registrar(), json(forged))
        .then()
        .statusCode(422)
        .body("code", equalTo("rule-violations"))
        .body("violations.code", hasItem("signature-invalid"))
        .body("violations.path", hasItem("/signature"));
  }

  @Test
  void refusesAnEntrySignedWithAnotherParticipantsKey() {
    Parties p = parties();
    Parties other = parties();
    SignedEntry mine = p.mark(TestLedger.registrationNumber());
    SignedEntry signedByOther = EntrySigner.sign(mine.statement(), other.key());
    postEntry(p.registrar(), json(signedByOther))
        .then()
        .statusCode(422)
        .body("violations.code", hasItem("key-not-submitters"));
  }

  @Test
  void namesAnUnknownFieldOfTheStatement() {
    Parties p = parties();
    String body =
        json(p.mark(TestLedger.registrationNumber())).replace("\"holder\"", "\"x\":1,\"holder\"");
    postEntry(p.registrar(), body)
        .then()
        .statusCode(400)
        .body("code", equalTo("unknown-field"))
        .body("violations[0].path", equalTo("/statement/x"));
  }

  @Test
  void namesAMissingField() {
    Parties p = parties();
    String body =
        json(p.mark(TestLedger.registrationNumber())).replaceFirst("\"keyId\":\"[^\"]*\",", "");
    postEntry(p.registrar(), body)
        .then()
        .statusCode(400)
        .body("code", equalTo("invalid-field"))
        .body("violations[0].code", equalTo("missing-field"))
        .body("violations[0].path", equalTo("/keyId"));
  }

  @Test
  void refusesMalformedJson() {
    Parties p = parties();
    postEntry(p.registrar(), "{\"keyId\": ")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("malformed-json"))
        .body("detail", containsString("not valid JSON"));
  }

  @Test
  void refusesABodyLargerThanAnEntryMayBe() {
    String big = "{\"keyId\":\"" + "a".repeat(70_000) + "\"}";
    postEntry("anyone", big)
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("code", equalTo("body-too-large"));
  }

  @Test
  void aSelfKeyedParticipantHasNoCustodialKey() {
    Parties p = parties();
    given()
        .auth()
        .oauth2(TestLedger.token(p.registrar(), Groups.REGISTRAR))
        .contentType(ContentType.JSON)
        .body(TestLedger.wordMark("AU", TestLedger.registrationNumber(), p.brand()))
        .post("/v1/trademarks")
        .then()
        .statusCode(409)
        .body("code", equalTo("custodial-key-missing"));
  }

  @Test
  void theSubmitterAndAnOperatorSeeTheSubmissionOthersDoNot() {
    Parties p = parties();
    Response answer = postEntry(p.registrar(), json(p.mark(TestLedger.registrationNumber())));
    String id = answer.jsonPath().getString("submission");
    Map<String, String> tokens =
        Map.of(
            "submitter", TestLedger.token(p.registrar(), Groups.REGISTRAR),
            "operator", TestLedger.operatorToken());
    for (String who : tokens.keySet()) {
      given()
          .auth()
          .oauth2(tokens.get(who))
          .get("/v1/submissions/" + id)
          .then()
          .statusCode(200)
          .body("submission", equalTo(id))
          .body("submitter", equalTo(p.registrar()))
          .body("kind", equalTo("trademark.recorded"))
          .body("status", equalTo("sequenced"))
          .body("leafHash", equalTo(answer.jsonPath().getString("leafHash")));
    }
    given()
        .auth()
        .oauth2(TestLedger.token(p.brand(), Groups.BRAND_OWNER))
        .get("/v1/submissions/" + id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(TestLedger.operatorToken())
        .get("/v1/submissions/" + java.util.UUID.randomUUID())
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(TestLedger.operatorToken())
        .get("/v1/submissions/not-a-uuid")
        .then()
        .statusCode(404);
  }
}
