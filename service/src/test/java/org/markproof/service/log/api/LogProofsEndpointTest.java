package org.markproof.service.log.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.checkpoint.TlogProof;
import org.markproof.contracts.checkpoint.TlogProofVerifier;
import org.markproof.contracts.checkpoint.VerifiedCheckpoint;
import org.markproof.contracts.merkle.ProofVerifier;
import org.markproof.service.log.store.LogStore;
import org.markproof.service.testing.LogFixture;
import org.markproof.service.testing.TestLogKey;

/**
 * Inclusion and consistency proofs through real HTTP, each verified by contracts' RFC 9162 verifier
 * against a checkpoint opened with the log's verifier key; and every bad parameter.
 */
@QuarkusTest
class LogProofsEndpointTest {
  @Inject LogStore store;

  private LogFixture.Appended first;
  private LogFixture.Appended second;
  private Checkpoint older;
  private Checkpoint newer;

  @BeforeEach
  void twoCheckpointedBatches() throws Exception {
    first = LogFixture.append(store, 5);
    older = open(LogFixture.checkpoint(store, TestLogKey.signer(), TestLogKey.origin()));
    second = LogFixture.append(store, 4);
    newer = open(LogFixture.checkpoint(store, TestLogKey.signer(), TestLogKey.origin()));
  }

  @Test
  void anInclusionProofByIndexVerifiesAgainstTheSignedCheckpoint() throws Exception {
    long index = first.firstIndex() + 2;
    JsonPath proof =
        given()
            .get("/v1/log/proof/inclusion?index=" + index + "&size=" + older.size())
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    byte[] leafHash = first.entries().get(2).leafHash();
    assertEquals(Base64.getEncoder().encodeToString(leafHash), proof.getString("leafHash"));
    assertEquals(index, proof.getLong("index"));
    ProofVerifier.verifyInclusion(index, older.size(), leafHash, hashes(proof), older.rootHash());
    assertEquals(older, open(proof.getString("checkpoint")));
  }

  @Test
  void anInclusionProofByLeafHashFindsTheEntry() throws Exception {
    byte[] leafHash = second.entries().get(0).leafHash();
    String encoded =
        URLEncoder.encode(Base64.getEncoder().encodeToString(leafHash), StandardCharsets.UTF_8);
    JsonPath proof =
        given()
            .urlEncodingEnabled(false)
            .get("/v1/log/proof/inclusion?leafHash=" + encoded + "&size=" + newer.size())
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(second.firstIndex(), proof.getLong("index"));
    ProofVerifier.verifyInclusion(
        second.firstIndex(), newer.size(), leafHash, hashes(proof), newer.rootHash());
  }

  @Test
  void aTlogProofVerifiesOfflineAgainstTheLatestCheckpoint() throws Exception {
    long index = second.firstIndex() + 3;
    for (var request :
        List.of(
            given().accept(LogProofsResource.TLOG_PROOF).queryParam("index", index),
            given().queryParam("index", index).queryParam("format", "tlog-proof"))) {
      byte[] body =
          request
              .get("/v1/log/proof/inclusion")
              .then()
              .statusCode(200)
              .header("Content-Type", startsWith(LogProofsResource.TLOG_PROOF))
              .extract()
              .asByteArray();
      TlogProof proof = TlogProof.parse(body);
      VerifiedCheckpoint verified =
          TlogProofVerifier.verify(
              proof, TestLogKey.verifier(), second.entries().get(3).leafHash());
      assertEquals(index, proof.index());
      assertEquals(true, verified.checkpoint().size() >= newer.size());
    }
  }

  @Test
  void aConsistencyProofVerifiesBetweenTwoSignedCheckpoints() throws Exception {
    JsonPath proof =
        given()
            .get("/v1/log/proof/consistency?from=" + older.size() + "&to=" + newer.size())
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    ProofVerifier.verifyConsistency(
        older.size(), newer.size(), hashes(proof), older.rootHash(), newer.rootHash());
    assertEquals(older, open(proof.getString("fromCheckpoint")));
    assertEquals(newer, open(proof.getString("toCheckpoint")));
  }

  @Test
  void anUnknownLeafHashIsNotFound() {
    given()
        .queryParam("leafHash", Base64.getEncoder().encodeToString(new byte[32]))
        .get("/v1/log/proof/inclusion")
        .then()
        .statusCode(404)
        .body("code", equalTo("not-found"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'', index",
    "index=1&leafHash=AAAA, leafHash",
    "index=-1, index",
    "index=1&size=0, size",
    "index=1&size=999999999999, size",
    "index=999999999999, index",
    "leafHash=AAAA, leafHash",
    "leafHash=%25%25%25, leafHash",
    "index=1&format=xml, format",
  })
  void aBadInclusionParameterIsABadRequestNamingIt(String query, String parameter) {
    given()
        .urlEncodingEnabled(false)
        .get(query.isEmpty() ? "/v1/log/proof/inclusion" : "/v1/log/proof/inclusion?" + query)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].path", equalTo(parameter));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'', from",
    "from=1, to",
    "from=0&to=1, from",
    "from=3&to=2, to",
    "from=1&to=999999999999, to",
    "from=a&to=2, from",
  })
  void aBadConsistencyParameterIsABadRequestNamingIt(String query, String parameter) {
    given()
        .get(query.isEmpty() ? "/v1/log/proof/consistency" : "/v1/log/proof/consistency?" + query)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].path", equalTo(parameter));
  }

  @Test
  void aTlogProofForAnOlderSizeIsRefused() {
    given()
        .accept(LogProofsResource.TLOG_PROOF)
        .get("/v1/log/proof/inclusion?index=0&size=1")
        .then()
        .statusCode(400)
        .body("violations[0].path", equalTo("size"));
  }

  private static Checkpoint open(String note) throws Exception {
    return TestLogKey.verifier().open(note.getBytes(StandardCharsets.UTF_8)).checkpoint();
  }

  private static List<byte[]> hashes(JsonPath proof) {
    return proof.getList("proof", String.class).stream().map(Base64.getDecoder()::decode).toList();
  }
}
