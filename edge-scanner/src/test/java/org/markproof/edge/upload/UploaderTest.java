package org.markproof.edge.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.edge.store.EdgeStore;

/**
 * {@link Uploader} on a real SQLite store against a service that answers as programmed: requests of
 * at most 1,000 scans and 4 MiB in queue order, exactly the scans answered recorded or duplicate
 * removed, a result that does not echo its scan's id removing nothing, and a busy service stopping
 * the upload with nothing removed.
 */
class UploaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** A service that records each request and answers each scan by {@code status}. */
  private static final class ProgrammedService implements EdgeApi {
    final List<JsonNode> requests = new ArrayList<>();
    final List<Integer> sizes = new ArrayList<>();
    final Function<String, String> status;
    int answer = 200;
    boolean echoIds = true;

    ProgrammedService(Function<String, String> status) {
      this.status = status;
    }

    @Override
    public Answer postScans(byte[] json) throws IOException {
      JsonNode body = JSON.readTree(json);
      requests.add(body);
      sizes.add(json.length);
      if (answer != 200) {
        return new Answer(answer, "{\"title\":\"busy\",\"detail\":\"upload again\"}");
      }
      ObjectNode out = JSON.createObjectNode();
      ArrayNode results = out.putArray("results");
      for (JsonNode scan : body.get("scans")) {
        String id = scan.get("scanId").asText();
        ObjectNode r = results.addObject();
        r.put("scanId", echoIds ? id : "other-" + id);
        String s = status.apply(id);
        r.put("status", s);
        if (s.equals("recorded") || s.equals("duplicate")) {
          r.put("verdict", "GENUINE");
        } else {
          r.put("detail", "because");
        }
      }
      return new Answer(200, JSON.writeValueAsString(out));
    }

    @Override
    public Answer postEvidence(byte[] json) {
      return new Answer(201, "{\"id\":1}");
    }

    @Override
    public String describe() {
      return "programmed";
    }
  }

  private static void queue(EdgeStore store, int count, int padding) throws Exception {
    String pad = "x".repeat(padding);
    store.transaction(
        () -> {
          for (int i = 0; i < count; i++) {
            String id = String.format("scan-%05d", i);
            store
                .scanQueue()
                .enqueue(
                    id,
                    "{\"scanId\":\""
                        + id
                        + "\",\"code\":\""
                        + pad
                        + "\",\"verdict\":{\"verdict\":\"GENUINE\"}}",
                    Instant.ofEpochMilli(1_000_000L + i));
          }
          return null;
        });
  }

  private static int number(String id) {
    return Integer.parseInt(id.substring(5));
  }

  @Test
  void sendsAtMostAThousandScansPerRequestInQueueOrderAndRemovesOnlyTheAcknowledged()
      throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("post.db"))) {
      queue(store, 2500, 10);
      ProgrammedService service =
          new ProgrammedService(
              id ->
                  number(id) % 7 == 0
                      ? "conflict"
                      : number(id) % 11 == 0
                          ? "invalid"
                          : number(id) % 2 == 0 ? "duplicate" : "recorded");
      Uploader.Report report = new Uploader(store, service).upload("xx-post");

      assertEquals(3, service.requests.size());
      assertEquals(1000, service.requests.get(0).get("scans").size());
      assertEquals(1000, service.requests.get(1).get("scans").size());
      assertEquals(500, service.requests.get(2).get("scans").size());
      int expected = 0;
      for (JsonNode request : service.requests) {
        assertEquals("xx-post", request.get("postId").asText());
        for (JsonNode scan : request.get("scans")) {
          assertEquals(String.format("scan-%05d", expected++), scan.get("scanId").asText());
        }
      }
      long kept = 0;
      for (int i = 0; i < 2500; i++) {
        boolean refused = i % 7 == 0 || i % 11 == 0;
        kept += refused ? 1 : 0;
        assertEquals(refused, store.scanQueue().contains(String.format("scan-%05d", i)), "" + i);
      }
      assertEquals(kept, report.stillQueued());
      assertEquals(2500, report.scans().size());
      assertTrue(report.stopped().isEmpty());
    }
  }

  @Test
  void keepsEachRequestWithinTheBodyLimit() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("post.db"))) {
      queue(store, 30, 200_000);
      ProgrammedService service = new ProgrammedService(id -> "recorded");
      new Uploader(store, service).upload("xx-post");
      assertTrue(service.requests.size() >= 2, service.sizes::toString);
      for (int size : service.sizes) {
        assertTrue(size <= Uploader.MAX_BODY_BYTES, size + " bytes");
      }
      assertEquals(0, store.scanQueue().size());
    }
  }

  @Test
  void aResultThatDoesNotEchoItsScansIdRemovesNothing() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("post.db"))) {
      queue(store, 5, 10);
      ProgrammedService service = new ProgrammedService(id -> "recorded");
      service.echoIds = false;
      Uploader.Report report = new Uploader(store, service).upload("xx-post");
      assertEquals(5, store.scanQueue().size());
      assertTrue(report.scans().stream().noneMatch(Uploader.ScanResult::acknowledged));
    }
  }

  @Test
  void aBusyServiceStopsTheUploadWithNothingRemoved() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("post.db"))) {
      queue(store, 1500, 10);
      ProgrammedService service = new ProgrammedService(id -> "recorded");
      service.answer = 503;
      Uploader.Report report = new Uploader(store, service).upload("xx-post");
      assertEquals(1, service.requests.size());
      assertEquals(1500, store.scanQueue().size());
      assertTrue(report.retry());
      assertTrue(report.stopped().orElseThrow().contains("503"), report.stopped()::toString);
    }
  }
}
