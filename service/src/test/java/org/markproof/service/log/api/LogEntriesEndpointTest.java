package org.markproof.service.log.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.service.log.store.LogStore;
import org.markproof.service.testing.LogFixture;

/** {@code /v1/log/entries} through real HTTP: pages, single entries, and every bad parameter. */
@QuarkusTest
class LogEntriesEndpointTest {
  @Inject LogStore store;

  private LogFixture.Appended appended;

  @BeforeEach
  void appendThree() {
    appended = LogFixture.append(store, 3);
  }

  @Test
  void aPageShowsEachEntryWithItsLeafAndHash() throws Exception {
    long start = appended.firstIndex();
    String body =
        given()
            .get("/v1/log/entries?start=" + start + "&end=" + (start + 3))
            .then()
            .statusCode(200)
            .contentType("application/json")
            .body("start", equalTo((int) start))
            .body("end", equalTo((int) start + 3))
            .extract()
            .asString();
    JsonNode page = new ObjectMapper().readTree(body);
    for (int i = 0; i < 3; i++) {
      JsonNode view = page.get("entries").get(i);
      LogEntry expected = appended.entries().get(i);
      byte[] leaf = Base64.getDecoder().decode(view.get("leaf").asText());
      assertEquals(start + i, view.get("index").asLong());
      assertArrayEquals(expected.encoded(), leaf);
      assertArrayEquals(
          MerkleHashes.leafHash(leaf), Base64.getDecoder().decode(view.get("leafHash").asText()));
      assertEquals(expected.sequencedAt().toString(), view.get("sequencedAt").asText());
      assertEquals(new ObjectMapper().readTree(expected.entry().encoded()), view.get("entry"));
    }
  }

  @Test
  void aPageWithoutEndStopsAtTheTreeAndSaysWhere() {
    long start = appended.endIndex() - 1;
    given()
        .get("/v1/log/entries?start=" + start)
        .then()
        .statusCode(200)
        .body("entries[0].index", equalTo((int) start));
  }

  @Test
  void oneEntryByIndex() {
    long index = appended.firstIndex() + 1;
    String leaf = Base64.getEncoder().encodeToString(appended.entries().get(1).encoded());
    given()
        .get("/v1/log/entries/" + index)
        .then()
        .statusCode(200)
        .body("index", equalTo((int) index))
        .body("leaf", equalTo(leaf));
  }

  @Test
  void anEntryBeyondTheLogIsNotFound() {
    given()
        .get("/v1/log/entries/999999999999")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("not-found"))
        .body("detail", containsString("999999999999"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'', start",
    "start=-1, start",
    "start=abc, start",
    "start=01, start",
    "start=+1, start",
    "start=99999999999999999999, start",
    "start=999999999999, start",
    "start=5&end=5, end",
    "start=5&end=4, end",
    "start=0&end=257, end",
    "start=0&end=x, end",
  })
  void aBadPageParameterIsABadRequestNamingIt(String query, String parameter) {
    given()
        .get(query.isEmpty() ? "/v1/log/entries" : "/v1/log/entries?" + query)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("bad-request"))
        .body("violations[0].code", equalTo("invalid-parameter"))
        .body("violations[0].path", equalTo(parameter))
        .body("detail", containsString(parameter))
        .body(not(containsString("Exception")));
  }

  @ParameterizedTest
  @CsvSource({"-1", "x", "01"})
  void aBadIndexIsABadRequest(String index) {
    given()
        .get("/v1/log/entries/" + index)
        .then()
        .statusCode(400)
        .body("violations[0].path", equalTo("index"));
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
