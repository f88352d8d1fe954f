package org.markproof.service.submission;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.markproof.service.submission.TestLedger.post;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.markproof.service.auth.Groups;

/**
 * {@code POST /v1/participants}: without a {@code publicKey} the service generates and holds the
 * participant's key, with one it holds none; an enrolment that is refused, or that the caller
 * cannot sign, leaves no key behind.
 */
@QuarkusTest
@TestProfile(FreshLedgerProfile.class)
class ParticipantEnrolmentTest {
  @Inject Pool pool;

  private long heldKeys(String participant) {
    return pool.preparedQuery("SELECT count(*) FROM custodial_key WHERE participant = $1")
        .execute(Tuple.of(participant))
        .await()
        .indefinitely()
        .iterator()
        .next()
        .getLong(0);
  }

  @Test
  void holdsAKeyOnlyForParticipantsEnrolledWithoutOne() {
    String custodial = TestLedger.id("custodial");
    String selfKeyed = TestLedger.id("self-keyed");
    TestLedger.enrol(custodial, TestLedger.brandOwner());
    TestLedger.enrolWithKey(selfKeyed, TestLedger.brandOwner(), TestLedger.newKey());
    assertEquals(1, heldKeys(custodial));
    assertEquals(0, heldKeys(selfKeyed));
  }

  @Test
  void anOperatorOutsideTheLedgerCannotSelfEnrolAndLeavesNoKey() {
    TestLedger.genesis();
    String latecomer = TestLedger.id("late-operator");
    post(
            TestLedger.token(latecomer, Groups.OPERATOR),
            "/v1/participants",
            Map.of(
                "participant",
                latecomer,
                "displayName",
                "Late",
                "role",
                Map.of("type", "operator")),
            null)
        .then()
        .statusCode(422)
        .body("violations.code", hasItem("submitter-unknown"));
    assertEquals(0, heldKeys(latecomer));
  }

  @Test
  void anOperatorWithoutAHeldKeyCannotEnrolAnotherAndLeavesNoKey() {
    TestLedger.genesis();
    String newcomer = TestLedger.id("newcomer");
    post(
            TestLedger.token(TestLedger.id("keyless-operator"), Groups.OPERATOR),
            "/v1/participants",
            Map.of(
                "participant",
                newcomer,
                "displayName",
                "New",
                "role",
                Map.of("type", "brand-owner")),
            null)
        .then()
        .statusCode(409)
        .body("code", equalTo("custodial-key-missing"));
    assertEquals(0, heldKeys(newcomer));
  }

  @Test
  void aMalformedEnrolmentLeavesNoKey() {
    String participant = TestLedger.id("malformed");
    post(
            TestLedger.operatorToken(),
            "/v1/participants",
            Map.of(
                "participant",
                participant,
                "displayName",
                "Bad office",
                "role",
                Map.of("type", "registrar", "office", "ZZ")),
            null)
        .then()
        .statusCode(400)
        .body("violations[0].path", equalTo("/role/office"));
    assertEquals(0, heldKeys(participant));
  }
}
