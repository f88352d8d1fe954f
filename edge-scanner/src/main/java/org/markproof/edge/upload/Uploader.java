package org.markproof.edge.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.EdgeStoreException;
import org.markproof.edge.store.Evidence;
import org.markproof.edge.store.QueuedScan;

/**
 * Uploads the post's queue (docs/edge.md "Uploads"): the queued scans to {@code POST
 * /v1/edge/scans} in requests of at most {@value #MAX_SCANS} scans and {@value #MAX_BODY_BYTES}
 * bytes, removing from the queue exactly the scans answered {@code recorded} or {@code duplicate}
 * and keeping the others; then the evidence not uploaded yet to {@code POST /v1/edge/evidence},
 * marked uploaded once the service answers {@code 201} or {@code 200}.
 *
 * <p>Exactly once: every scan carries its client scan id, and the service answers a scan it has
 * already recorded with the same fields {@code duplicate}. A crash between the answer and the
 * removal leaves the scan queued; the next upload sends it again and removes it then.
 */
public final class Uploader {
  /** Most scans per request (the service's limit). */
  public static final int MAX_SCANS = 1000;

  /** Largest request body: within the service's 4 MiB, with room for the envelope. */
  public static final int MAX_BODY_BYTES = 4 * 1024 * 1024 - 64 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EdgeStore store;
  private final EdgeApi api;

  public Uploader(EdgeStore store, EdgeApi api) {
    this.store = store;
    this.api = api;
  }

  /**
   * What the service said of one scan.
   *
   * @param status {@code recorded}, {@code duplicate}, {@code conflict} or {@code invalid}
   * @param verdict the service's verdict code, for a recorded or duplicate scan
   * @param edgeVerdict the verdict the post gave offline
   * @param detail why a scan is in conflict or invalid
   */
  public record ScanResult(
      String scanId,
      String status,
      Optional<String> verdict,
      Optional<String> edgeVerdict,
      Optional<String> detail) {
    /** Whether the service holds the scan, so the queue may drop it. */
    public boolean acknowledged() {
      return status.equals("recorded") || status.equals("duplicate");
    }
  }

  /**
   * What an upload did.
   *
   * @param scans every scan's result, in the order sent
   * @param stillQueued the scans left in the queue
   * @param evidenceUploaded how many pieces of evidence the service acknowledged
   * @param evidenceKept why each piece of evidence not acknowledged was kept
   * @param stopped why the upload stopped before the end, if it did: the service refused a request
   * @param retry whether that refusal is worth retrying as is (503: the service is busy)
   */
  public record Report(
      List<ScanResult> scans,
      long stillQueued,
      int evidenceUploaded,
      List<String> evidenceKept,
      Optional<String> stopped,
      boolean retry) {
    public Report {
      scans = List.copyOf(scans);
      evidenceKept = List.copyOf(evidenceKept);
    }
  }

  /**
   * Uploads the queue and the evidence for post {@code postId}.
   *
   * @throws IOException if the service cannot be reached or answers what is no upload answer
   * @throws EdgeStoreException if the store cannot be read or written
   */
  public Report upload(String postId) throws IOException {
    List<ScanResult> results = new ArrayList<>();
    Optional<QueuedScan> last = Optional.empty();
    Optional<String> stopped = Optional.empty();
    boolean retry = false;
    while (true) {
      List<QueuedScan> chunk = chunk(last);
      if (chunk.isEmpty()) {
        break;
      }
      last = Optional.of(chunk.get(chunk.size() - 1));
      EdgeApi.Answer answer = api.postScans(body(postId, chunk));
      if (answer.status() != 200) {
        stopped = Optional.of(refusal("POST /v1/edge/scans", answer));
        retry = answer.status() == 503;
        break;
      }
      List<ScanResult> chunkResults = read(chunk, answer.body());
      store.transaction(
          () -> {
            for (ScanResult r : chunkResults) {
              if (r.acknowledged()) {
                store.scanQueue().remove(r.scanId());
              }
            }
            return null;
          });
      results.addAll(chunkResults);
    }
    List<String> kept = new ArrayList<>();
    int uploaded = 0;
    if (stopped.isEmpty()) {
      for (Evidence e : store.evidence().all()) {
        if (e.uploaded()) {
          continue;
        }
        Optional<String> refused = uploadEvidence(postId, e);
        if (refused.isEmpty()) {
          store.evidence().markUploaded(e.id());
          uploaded++;
        } else {
          kept.add("#" + e.id() + " " + e.kind().code() + ": " + refused.get());
        }
      }
    }
    return new Report(results, store.scanQueue().size(), uploaded, kept, stopped, retry);
  }

  /** The next scans after {@code last}, as many as fit one request. */
  private List<QueuedScan> chunk(Optional<QueuedScan> last) throws EdgeStoreException {
    List<QueuedScan> page = store.scanQueue().listAfter(last, MAX_SCANS);
    List<QueuedScan> out = new ArrayList<>();
    long bytes = 0;
    for (QueuedScan s : page) {
      long size = s.body().getBytes(StandardCharsets.UTF_8).length + 1;
      if (!out.isEmpty() && bytes + size > MAX_BODY_BYTES) {
        break;
      }
      out.add(s);
      bytes += size;
    }
    return out;
  }

  /** {@code {"postId": ..., "scans": [...]}}, the queued bodies as they are. */
  static byte[] body(String postId, List<QueuedScan> scans) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("{\"postId\":").append(JSON.writeValueAsString(postId)).append(",\"scans\":[");
    for (int i = 0; i < scans.size(); i++) {
      out.append(i == 0 ? "" : ",").append(scans.get(i).body());
    }
    return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads the results, one per scan in order; a result counts for a scan only if it echoes that
   * scan's id, so a confused answer never removes the wrong scan.
   */
  private static List<ScanResult> read(List<QueuedScan> sent, String body) throws IOException {
    JsonNode results = JSON.readTree(body).path("results");
    if (!results.isArray() || results.size() != sent.size()) {
      throw new IOException(
          "POST /v1/edge/scans: expected "
              + sent.size()
              + " results, got "
              + (results.isArray() ? results.size() : "none"));
    }
    List<ScanResult> out = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      JsonNode r = results.get(i);
      String id = sent.get(i).scanId();
      String status = r.path("status").asText("");
      if (!id.equals(r.path("scanId").asText(null))) {
        status = status.equals("invalid") ? status : "unmatched";
      }
      out.add(
          new ScanResult(
              id, status, text(r, "verdict"), edgeVerdict(sent.get(i)), text(r, "detail")));
    }
    return out;
  }

  private static Optional<String> edgeVerdict(QueuedScan scan) {
    try {
      return text(JSON.readTree(scan.body()).path("verdict"), "verdict");
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Uploads one piece of evidence; empty when the service acknowledged it, else why not. The
   * service takes reports of forks and rollbacks between two signed checkpoints; an {@code
   * invalid-entry} report has no second checkpoint to send and stays with the post.
   */
  private Optional<String> uploadEvidence(String postId, Evidence e) throws IOException {
    if (e.kind() == Evidence.Kind.INVALID_ENTRY || e.oldNote().isEmpty()) {
      return Optional.of(
          "kept: POST /v1/edge/evidence takes fork and rollback reports against an adopted"
              + " checkpoint; report this one to the operator by hand");
    }
    ObjectNode report = JSON.createObjectNode();
    report.put("postId", postId);
    report.put("kind", e.kind().code());
    report.put("adopted", e.oldNote().get());
    report.put("offered", e.newNote());
    if (!e.proof().isEmpty()) {
      ArrayNode proof = report.putArray("proof");
      e.proof().forEach(h -> proof.add(Base64.getEncoder().encodeToString(h)));
    }
    report.put("detectedAt", e.detectedAt().toString());
    EdgeApi.Answer answer = api.postEvidence(JSON.writeValueAsBytes(report));
    if (answer.status() == 200 || answer.status() == 201) {
      return Optional.empty();
    }
    return Optional.of(refusal("POST /v1/edge/evidence", answer));
  }

  private static String refusal(String what, EdgeApi.Answer answer) {
    String detail = answer.body();
    try {
      JsonNode problem = JSON.readTree(answer.body());
      detail = problem.path("detail").asText(problem.path("title").asText(answer.body()));
    } catch (IOException | RuntimeException e) {
      // Not a problem document; show the body as it is.
    }
    if (detail.length() > 300) {
      detail = detail.substring(0, 300) + "…";
    }
    return what + " answered " + answer.status() + ": " + detail;
  }

  private static Optional<String> text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
  }
}
