package org.markproof.service.log.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.tiles.EntryBundle;
import org.markproof.contracts.tiles.EntryBundleId;
import org.markproof.contracts.tiles.TileHashes;
import org.markproof.contracts.tiles.TileId;
import org.markproof.contracts.tiles.TileLayout;
import org.markproof.service.log.store.LogStore;
import org.markproof.service.testing.LogFixture;
import org.markproof.service.testing.TestLogKey;

/**
 * {@code /checkpoint} and the c2sp.org/tlog-tiles resources through real HTTP on real PostgreSQL: a
 * client that reads only the checkpoint, the entry bundles and the hash tiles rebuilds the signed
 * root, byte for byte with contracts' code, and every full tile is served as immutable.
 */
@QuarkusTest
class TileEndpointsTest {
  @Inject LogStore store;

  private Checkpoint checkpoint;

  @BeforeEach
  void logWithAFullTile() throws Exception {
    long size = store.head().await().indefinitely().size();
    if (size < 300) {
      LogFixture.append(store, (int) (300 - size));
    }
    LogFixture.append(store, 3);
    LogFixture.checkpoint(store, TestLogKey.signer(), TestLogKey.origin());
    byte[] note = given().get("/checkpoint").then().statusCode(200).extract().asByteArray();
    checkpoint = TestLogKey.verifier().open(note).checkpoint();
  }

  @Test
  void servesTheLatestCheckpointAsASignedNoteWithAShortCache() {
    given()
        .get("/checkpoint")
        .then()
        .statusCode(200)
        .header("Content-Type", startsWith("text/plain"))
        .header("Content-Type", containsStringIgnoringCase("charset=utf-8"))
        .header("Cache-Control", equalTo("public, max-age=1"));
  }

  @Test
  void bundlesAndTilesRebuildTheSignedRoot() throws Exception {
    long size = checkpoint.size();
    List<byte[]> leafHashes = new ArrayList<>();
    for (EntryBundleId id : TileLayout.newEntryBundles(0, size)) {
      byte[] data = get(id.path()).asByteArray();
      EntryBundle bundle = EntryBundle.decode(id, data);
      for (byte[] leaf : bundle.entries()) {
        LogEntry.parse(leaf);
      }
      List<byte[]> tile = TileHashes.decode(id.leafTile(), get(id.leafTile().path()).asByteArray());
      List<byte[]> rehashed = bundle.leafHashes();
      for (int i = 0; i < rehashed.size(); i++) {
        assertArrayEquals(rehashed.get(i), tile.get(i), "leaf " + (id.firstEntry() + i));
      }
      leafHashes.addAll(rehashed);
    }
    assertArrayEquals(checkpoint.rootHash(), MerkleHashes.root(leafHashes));
    TileId level1 = TileLayout.partialTile(1, size).orElseThrow();
    List<byte[]> served = TileHashes.decode(level1, get(level1.path()).asByteArray());
    for (int i = 0; i < level1.width(); i++) {
      assertArrayEquals(
          MerkleHashes.root(leafHashes.subList(256 * i, 256 * (i + 1))), served.get(i));
    }
  }

  @Test
  void fullTilesAndBundlesAreImmutable() {
    for (String path : List.of("tile/0/000", "tile/entries/000")) {
      given()
          .get("/" + path)
          .then()
          .statusCode(200)
          .contentType("application/octet-stream")
          .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));
    }
    assertEquals(TileHashes.FULL_TILE_LENGTH, get("tile/0/000").asByteArray().length);
  }

  @Test
  void aNarrowerPartialTileOfTheTreeIsServedToo() {
    byte[] full = get("tile/0/000").asByteArray();
    byte[] partial = get("tile/0/000.p/5").asByteArray();
    assertArrayEquals(Arrays.copyOf(full, 5 * 32), partial);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"tile/0/x001/000", "tile/3/000", "tile/entries/x999/999", "tile/2/000.p/1"})
  void aTileBeyondTheTreeIsANotFoundProblemNeverCached(String path) {
    given()
        .get("/" + path)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .header("Cache-Control", equalTo("no-store"))
        .body("code", equalTo("not-found"))
        .body("instance", equalTo("/" + path));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tile/0/1",
        "tile/0/x000/001",
        "tile/0/000.p/256",
        "tile/0/000.p/0",
        "tile/8/000",
        "tile/x/000",
        "tile/entries/000.p/"
      })
  void aMalformedTilePathIsABadRequestNamingThePath(String path) {
    given()
        .get("/" + path)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("bad-request"))
        .body("violations[0].path", equalTo("path"));
  }

  private static Response get(String path) {
    Response response = given().get("/" + path);
    assertEquals(200, response.statusCode(), path + ": " + response.asString());
    return response;
  }
}
