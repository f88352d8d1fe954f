package org.markproof.edge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.SignedNote;
import org.markproof.edge.scan.VerdictKeyFile;
import org.markproof.edge.store.AdoptedCheckpoint;
import org.markproof.edge.store.ClockReading;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.Evidence;
import org.markproof.edge.store.PostProfile;
import org.markproof.edge.store.TerritoryFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status}: what the post's edge store holds and how old it is. */
@Command(
    name = "status",
    description = {
      "Show the edge store: the adopted checkpoint's size and age, the last sync,",
      "entries cached (and the territories kept for, if any), file size, scans",
      "waiting for upload, and any evidence that the log misbehaved."
    },
    mixinStandardHelpOptions = true)
final class StatusCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Option(names = "--json", description = "Print one JSON object instead of text")
  boolean json;

  @Option(
      names = "--max-age",
      paramLabel = "DURATION",
      converter = Durations.class,
      defaultValue = "48h",
      description = "Age past which the cache is reported stale (default ${DEFAULT-VALUE})")
  Duration maxAge;

  @Override
  public Integer call() throws IOException, MalformedDataException {
    try (EdgeStore edge = store.open(false)) {
      try {
        ObjectNode status = status(edge, edge.observeClock(Instant.now()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          out.println(new ObjectMapper().writeValueAsString(status));
        } else {
          printText(out, status);
        }
        return ExitCodes.VERIFIED;
      } finally {
        StoreOption.warnOfEvidence(edge, spec.commandLine().getErr());
      }
    }
  }

  @Option(
      names = "--verdict-key-file",
      paramLabel = "FILE",
      description = "The post's verdict signer key (default: <store>.verdict.key)")
  Path verdictKeyFile;

  private ObjectNode status(EdgeStore edge, ClockReading clock)
      throws IOException, MalformedDataException {
    Instant now = clock.effective();
    ObjectNode s = new ObjectMapper().createObjectNode();
    s.put("store", edge.file().toString());
    s.put("storeBytes", fileBytes(edge.file()));
    s.put("schemaVersion", edge.schemaVersion());
    Optional<AdoptedCheckpoint> adopted = edge.checkpoint();
    if (adopted.isPresent()) {
      AdoptedCheckpoint a = adopted.get();
      Checkpoint c =
          Checkpoint.parse(
              SignedNote.parse(a.note().getBytes(java.nio.charset.StandardCharsets.UTF_8)).text());
      ObjectNode cp = s.putObject("checkpoint");
      cp.put("origin", c.origin());
      cp.put("size", a.size());
      cp.put("root", Base64.getEncoder().encodeToString(a.root()));
      cp.put("adoptedAt", a.adoptedAt().toString());
      a.checkpointTime().ifPresent(t -> cp.put("signedAt", t.toString()));
      Duration age = Duration.between(a.currentAsOf(), now);
      cp.put("ageSeconds", Math.max(0, age.getSeconds()));
      cp.put("ageFrom", a.checkpointTime().isPresent() ? "log timestamp" : "adoption time");
      cp.put("stale", age.compareTo(maxAge) > 0);
      s.put("lastSyncAt", a.lastSyncAt().toString());
    }
    s.put("maxAgeSeconds", maxAge.getSeconds());
    s.put("clock", clock.wallClock().toString());
    s.put("clockHighWater", clock.highWater().toString());
    s.put("clockBehindSeconds", clock.clockBehind().getSeconds());
    Optional<PostProfile> post = edge.post();
    if (post.isPresent()) {
      ObjectNode p = s.putObject("post");
      p.put("id", post.get().postId());
      p.put("lat", post.get().lat());
      p.put("lon", post.get().lon());
      post.get().territory().ifPresent(t -> p.put("territory", t));
    }
    Path keyFile =
        verdictKeyFile != null ? verdictKeyFile : VerdictKeyFile.besideStore(edge.file());
    Optional<Ed25519NoteSigner> key = VerdictKeyFile.read(keyFile);
    if (key.isPresent()) {
      s.put("verdictKey", key.get().verifier().verifierKey().text());
    }
    s.put("entries", edge.entryCount());
    Optional<TerritoryFilter> kept = edge.territoryFilter();
    if (kept.isPresent()) {
      ArrayNode territories = s.putArray("territories");
      kept.get().territories().forEach(t -> territories.add(t.code()));
    }
    s.put("queue", edge.scanQueue().size());
    List<Evidence> evidence = edge.evidence().all();
    s.put("evidenceNotUploaded", evidence.stream().filter(e -> !e.uploaded()).count());
    ArrayNode list = s.putArray("evidence");
    for (Evidence e : evidence) {
      ObjectNode item = list.addObject();
      item.put("id", e.id());
      item.put("kind", e.kind().code());
      item.put("detail", e.detail());
      item.put("detectedAt", e.detectedAt().toString());
      item.put("uploaded", e.uploaded());
    }
    return s;
  }

  private static void printText(PrintWriter out, ObjectNode s) {
    out.println(
        "store       "
            + s.get("store").asText()
            + " ("
            + s.get("storeBytes").asLong()
            + " bytes, schema "
            + s.get("schemaVersion").asInt()
            + ")");
    if (s.has("checkpoint")) {
      ObjectNode cp = (ObjectNode) s.get("checkpoint");
      out.println(
          "checkpoint  "
              + cp.get("origin").asText()
              + " size "
              + cp.get("size").asLong()
              + ", root "
              + cp.get("root").asText());
      out.println(
          "age         "
              + Durations.format(Duration.ofSeconds(cp.get("ageSeconds").asLong()))
              + " (from the "
              + cp.get("ageFrom").asText()
              + ")"
              + (cp.get("stale").asBoolean()
                  ? ", STALE: older than "
                      + Durations.format(Duration.ofSeconds(s.get("maxAgeSeconds").asLong()))
                  : ""));
      out.println("last sync   " + s.get("lastSyncAt").asText());
    } else {
      out.println("checkpoint  none adopted yet: run 'edge-scanner sync'");
    }
    if (s.get("clockBehindSeconds").asLong() > 0) {
      out.println(
          "clock       "
              + s.get("clock").asText()
              + " is "
              + Durations.format(Duration.ofSeconds(s.get("clockBehindSeconds").asLong()))
              + " BEHIND the newest time this store has seen ("
              + s.get("clockHighWater").asText()
              + "); ages are measured from that");
    }
    if (s.has("post")) {
      var p = s.get("post");
      out.println(
          "post        "
              + p.get("id").asText()
              + " at "
              + p.get("lat").asDouble()
              + ", "
              + p.get("lon").asDouble()
              + (p.has("territory") ? ", territory " + p.get("territory").asText() : ""));
    }
    if (s.has("verdictKey")) {
      out.println("verdict key " + s.get("verdictKey").asText());
    }
    if (s.has("territories")) {
      List<String> codes = new java.util.ArrayList<>();
      s.get("territories").forEach(t -> codes.add(t.asText()));
      long tree = s.has("checkpoint") ? s.get("checkpoint").get("size").asLong() : 0;
      out.println(
          "entries     "
              + s.get("entries").asLong()
              + " stored of "
              + tree
              + " in the tree (kept for "
              + String.join(",", codes)
              + ": the posts there need no more; every entry is still proven)");
    } else {
      out.println("entries     " + s.get("entries").asLong() + " cached");
    }
    out.println("queue       " + s.get("queue").asLong() + " scan(s) waiting for upload");
    long pending = s.get("evidenceNotUploaded").asLong();
    if (s.get("evidence").isEmpty()) {
      out.println("evidence    none");
    } else {
      out.println(
          "evidence    "
              + (pending > 0
                  ? "!!! THE LOG MISBEHAVED: " + pending + " piece(s) not uploaded !!!"
                  : "all uploaded"));
      for (var e : s.get("evidence")) {
        out.println(
            "  #"
                + e.get("id").asLong()
                + " "
                + e.get("kind").asText().toUpperCase(java.util.Locale.ROOT)
                + " detected "
                + e.get("detectedAt").asText()
                + (e.get("uploaded").asBoolean() ? " (uploaded)" : " (NOT uploaded)")
                + ": "
                + e.get("detail").asText());
      }
    }
  }

  private static long fileBytes(Path file) throws IOException {
    long bytes = Files.size(file);
    Path wal = file.resolveSibling(file.getFileName() + "-wal");
    return Files.exists(wal) ? bytes + Files.size(wal) : bytes;
  }
}
