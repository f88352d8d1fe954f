package org.markproof.contracts.edge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.checkpoint.VerifiedCheckpoint;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.ProofGenerator;
import org.markproof.contracts.merkle.ProofVerifier;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.note.TestKeys;

class EdgeBundleTest {
  private static final Ed25519NoteSigner LOG = TestKeys.signer("edge.test/log");

  /** A log of {@code size} distinct entries of varied lengths. */
  private static List<byte[]> entries(int size) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      byte[] entry = new byte[1 + (i * 37) % 300];
      Arrays.fill(entry, (byte) i);
      out.add(entry);
    }
    return out;
  }

  private static List<byte[]> leafHashes(List<byte[]> entries) {
    return entries.stream().map(MerkleHashes::leafHash).toList();
  }

  private static String checkpoint(List<byte[]> entries, int size) {
    byte[] root = MerkleHashes.root(leafHashes(entries.subList(0, size)));
    try {
      return SignedNote.sign(Checkpoint.of(LOG.name(), size, root).format(), List.of(LOG)).format();
    } catch (MalformedDataException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] bundle(List<byte[]> log, int from, int to) throws IOException {
    List<byte[]> proof =
        from == 0 || from == to
            ? List.of()
            : ProofGenerator.consistency(leafHashes(log.subList(0, to)), from);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EdgeBundleWriter writer =
        new EdgeBundleWriter(out, new EdgeBundle(from, to, checkpoint(log, to), proof));
    for (int i = from; i < to; i++) {
      writer.entry(log.get(i));
    }
    writer.finish();
    return out.toByteArray();
  }

  @Test
  void aBundleReadBackProvesItsEntriesAgainstTheCheckpointItCarries() throws Exception {
    List<byte[]> log = entries(21);
    byte[] file = bundle(log, 7, 21);
    EdgeBundleReader reader = EdgeBundleReader.open(new ByteArrayInputStream(file));
    EdgeBundle header = reader.header();
    assertEquals(7, header.from());
    assertEquals(21, header.to());
    VerifiedCheckpoint checkpoint =
        CheckpointVerifier.forLog(LOG.verifier())
            .open(header.checkpoint().getBytes(StandardCharsets.UTF_8));
    byte[] adoptedRoot = MerkleHashes.root(leafHashes(log.subList(0, 7)));
    ProofVerifier.verifyConsistency(
        7, 21, header.consistency(), adoptedRoot, checkpoint.checkpoint().rootHash());

    List<byte[]> hashes = new ArrayList<>(leafHashes(log.subList(0, 7)));
    while (reader.remaining() > 0) {
      long index = reader.nextIndex();
      byte[] entry = reader.next();
      assertArrayEquals(log.get((int) index), entry, "entry " + index);
      hashes.add(MerkleHashes.leafHash(entry));
    }
    reader.finish();
    assertArrayEquals(checkpoint.checkpoint().rootHash(), MerkleHashes.root(hashes));
    assertThrows(NoSuchElementException.class, reader::next);
  }

  @Test
  void theHeaderIsOneJsonLineWithTheMembersOfDocsEdge() throws Exception {
    byte[] file = bundle(entries(5), 0, 5);
    int newline = indexOf(file, (byte) '\n');
    String line = new String(file, 0, newline, StandardCharsets.UTF_8);
    assertTrue(
        line.startsWith("{\"format\":\"markproof/edge-bundle/v1\",\"from\":0,\"to\":5,"), line);
    assertTrue(line.endsWith(",\"consistency\":[]}"), line);
    assertEquals(0, file[newline + 1], "the first entry's length, high byte");
  }

  @Test
  void anEmptyBundleHasOnlyItsHeader() throws Exception {
    List<byte[]> log = entries(4);
    byte[] file = bundle(log, 4, 4);
    EdgeBundleReader reader = EdgeBundleReader.open(new ByteArrayInputStream(file));
    assertEquals(0, reader.remaining());
    reader.finish();
    byte[] extra = Arrays.copyOf(file, file.length + 1);
    EdgeBundleReader trailing = EdgeBundleReader.open(new ByteArrayInputStream(extra));
    assertThrows(MalformedDataException.class, trailing::finish);
  }

  @Test
  void rejectsATruncatedBundleAndBytesAfterTheLastEntry() throws Exception {
    byte[] file = bundle(entries(9), 3, 9);
    for (int cut : new int[] {1, 2, 50}) {
      EdgeBundleReader reader =
          EdgeBundleReader.open(new ByteArrayInputStream(Arrays.copyOf(file, file.length - cut)));
      MalformedDataException e =
          assertThrows(
              MalformedDataException.class,
              () -> {
                while (reader.remaining() > 0) {
                  reader.next();
                }
              });
      assertTrue(e.getMessage().contains("entry 8"), e.getMessage());
    }
    EdgeBundleReader longer =
        EdgeBundleReader.open(new ByteArrayInputStream(Arrays.copyOf(file, file.length + 2)));
    while (longer.remaining() > 0) {
      longer.next();
    }
    MalformedDataException after = assertThrows(MalformedDataException.class, longer::finish);
    assertTrue(after.getMessage().contains("entry 8"), after.getMessage());
  }

  @Test
  void theReaderStopsAtTheHeaderBound() {
    byte[] endless = new byte[EdgeBundle.MAX_HEADER_BYTES + 10];
    Arrays.fill(endless, (byte) ' ');
    MalformedDataException e =
        assertThrows(
            MalformedDataException.class,
            () -> EdgeBundleReader.open(new ByteArrayInputStream(endless)));
    assertTrue(e.getMessage().contains("no newline"), e.getMessage());
    assertThrows(
        MalformedDataException.class,
        () -> EdgeBundleReader.open(new ByteArrayInputStream("{}".getBytes())));
  }

  @Test
  void rejectsEveryMalformedHeader() throws Exception {
    List<byte[]> log = entries(8);
    String note = json(checkpoint(log, 8));
    String hash = "\"" + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\"";
    String good =
        "{\"format\":\"markproof/edge-bundle/v1\",\"from\":0,\"to\":8,\"checkpoint\":"
            + note
            + ",\"consistency\":[]}";
    EdgeBundle.parse(good.getBytes(StandardCharsets.UTF_8));
    List<String> failures = new ArrayList<>();
    String[][] cases = {
      {"unknown member", good.replace("\"from\":0", "\"from\":0,\"extra\":1")},
      {"duplicate member", good.replace("\"from\":0", "\"from\":0,\"from\":0")},
      {"missing member", good.replace(",\"consistency\":[]", "")},
      {"other format", good.replace("edge-bundle/v1", "edge-bundle/v2")},
      {"negative from", good.replace("\"from\":0", "\"from\":-1")},
      {"fractional from", good.replace("\"from\":0", "\"from\":0.5")},
      {"from as text", good.replace("\"from\":0", "\"from\":\"0\"")},
      {"from after to", good.replace("\"from\":0", "\"from\":9")},
      {"to not the checkpoint's size", good.replace("\"to\":8", "\"to\":7")},
      {"proof from zero", good.replace("[]", "[" + hash + "]")},
      {"checkpoint not a note", good.replace(note, "\"8\\n\"")},
      {"checkpoint not text", good.replace(note, "8")},
      {"not an object", "[]"},
      {"not json", "{"},
    };
    for (String[] c : cases) {
      try {
        EdgeBundle.parse(c[1].getBytes(StandardCharsets.UTF_8));
        failures.add(c[0] + ": accepted");
      } catch (MalformedDataException expected) {
        // refused, as it must be
      }
    }
    String middle = good.replace("\"from\":0", "\"from\":3");
    String[][] proofCases = {
      {"short hash", middle.replace("[]", "[\"AAAA\"]")},
      {"non-canonical base64", middle.replace("[]", "[" + hash.replace("=\"", "\"") + "]")},
      {"hash not text", middle.replace("[]", "[1]")},
      {"too many hashes", middle.replace("[]", "[" + (hash + ",").repeat(128) + hash + "]")},
    };
    for (String[] c : proofCases) {
      try {
        EdgeBundle.parse(c[1].getBytes(StandardCharsets.UTF_8));
        failures.add(c[0] + ": accepted");
      } catch (MalformedDataException expected) {
        // refused, as it must be
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void theWriterWritesExactlyTheAnnouncedEntries() throws Exception {
    List<byte[]> log = entries(3);
    EdgeBundle header = new EdgeBundle(0, 3, checkpoint(log, 3), List.of());
    EdgeBundleWriter writer = new EdgeBundleWriter(new ByteArrayOutputStream(), header);
    writer.entry(log.get(0));
    assertThrows(IllegalStateException.class, writer::finish);
    assertThrows(
        IllegalArgumentException.class, () -> writer.entry(new byte[LogEntry.MAX_LEAF_BYTES + 1]));
    writer.entry(log.get(1));
    writer.entry(log.get(2));
    assertThrows(IllegalStateException.class, () -> writer.entry(log.get(0)));
    writer.finish();
    assertThrows(
        IllegalArgumentException.class, () -> new EdgeBundle(0, 3, checkpoint(log, 2), List.of()));
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
