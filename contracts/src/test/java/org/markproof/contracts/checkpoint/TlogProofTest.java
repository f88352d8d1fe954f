package org.markproof.contracts.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Sha256;
import org.markproof.contracts.merkle.ProofShapeException;
import org.markproof.contracts.merkle.RootMismatchException;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.note.NoteSignatureException;
import org.markproof.contracts.note.TestKeys;

/** c2sp.org/tlog-proof: format, the cross-check vector, and tampering. */
class TlogProofTest {
  private static final byte[] PROOF = TestKeys.bytes("checkpoint/crosscheck-index-5.tlog-proof");
  private static final byte[] ENTRY = TestKeys.bytes("checkpoint/crosscheck-entry-5.txt");

  private static CheckpointVerifier log() throws MalformedDataException {
    return CheckpointVerifier.forLog(
        Ed25519NoteVerifier.parse(TestKeys.line("checkpoint/crosscheck-log.vkey")));
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void parsesTheCrossCheckProofAndFormatsItBackByteForByte() throws MalformedDataException {
    TlogProof proof = TlogProof.parse(PROOF);
    assertEquals(5, proof.index());
    assertEquals(3, proof.hashes().size());
    assertEquals(
        "crosscheck extra data",
        new String(proof.extra().orElseThrow(), StandardCharsets.US_ASCII));
    assertArrayEquals(
        TestKeys.bytes("checkpoint/crosscheck-cosigned.note"), proof.checkpointNote());
    assertArrayEquals(PROOF, proof.toBytes());
  }

  @Test
  void verifiesTheCrossCheckProofForItsEntry() throws Exception {
    TlogProof proof = TlogProof.parse(PROOF);
    VerifiedCheckpoint checkpoint = TlogProofVerifier.verifyEntry(proof, log(), ENTRY);
    assertEquals(7, checkpoint.checkpoint().size());
  }

  /** The expected strings of transparency-dev/formats {@code proof/tlog_proof_test.go}. */
  @Test
  void formatsLikeTheGoReferenceImplementation() {
    byte[] h1 = Sha256.hash(utf8("hash1"));
    byte[] h2 = Sha256.hash(utf8("hash2"));
    String b1 = Base64.getEncoder().encodeToString(h1);
    String b2 = Base64.getEncoder().encodeToString(h2);
    byte[] extra = utf8("extra information");
    assertEquals(
        "c2sp.org/tlog-proof@v1\nindex 5\n" + b1 + "\n" + b2 + "\n\ntest checkpoint\n",
        text(
            new TlogProof(5, List.of(h1, h2), Optional.empty(), utf8("test checkpoint\n"))
                .toBytes()));
    assertEquals(
        "c2sp.org/tlog-proof@v1\nextra "
            + Base64.getEncoder().encodeToString(extra)
            + "\nindex 10\n"
            + b1
            + "\n\ncheckpoint data\n",
        text(
            new TlogProof(10, List.of(h1), Optional.of(extra), utf8("checkpoint data\n"))
                .toBytes()));
    assertEquals(
        "c2sp.org/tlog-proof@v1\nindex 0\n\ncheckpoint\n",
        text(new TlogProof(0, List.of(), Optional.empty(), utf8("checkpoint\n")).toBytes()));
  }

  @Test
  void rejectsAnotherEntry() throws Exception {
    TlogProof proof = TlogProof.parse(PROOF);
    assertThrows(
        RootMismatchException.class,
        () -> TlogProofVerifier.verifyEntry(proof, log(), utf8("entry 4\n")));
  }

  @Test
  void rejectsAnotherIndex() throws Exception {
    String moved = text(PROOF).replace("index 5\n", "index 4\n");
    TlogProof proof = TlogProof.parse(utf8(moved));
    assertThrows(
        RootMismatchException.class, () -> TlogProofVerifier.verifyEntry(proof, log(), ENTRY));
  }

  @Test
  void rejectsEachTamperedProofHash() throws Exception {
    TlogProof proof = TlogProof.parse(PROOF);
    for (int i = 0; i < proof.hashes().size(); i++) {
      List<byte[]> hashes = new ArrayList<>(proof.hashes());
      hashes.get(i)[7] ^= 1;
      TlogProof tampered = new TlogProof(5, hashes, proof.extra(), proof.checkpointNote());
      assertThrows(
          RootMismatchException.class,
          () -> TlogProofVerifier.verifyEntry(tampered, log(), ENTRY),
          "hash " + i);
    }
  }

  @Test
  void rejectsAProofOfTheWrongLength() throws Exception {
    TlogProof proof = TlogProof.parse(PROOF);
    TlogProof shorter =
        new TlogProof(5, proof.hashes().subList(0, 2), proof.extra(), proof.checkpointNote());
    assertThrows(
        ProofShapeException.class, () -> TlogProofVerifier.verifyEntry(shorter, log(), ENTRY));
    assertThrows(
        ProofShapeException.class, () -> TlogProofVerifier.verify(proof, log(), new byte[31]));
  }

  @Test
  void rejectsATamperedCheckpoint() throws Exception {
    String tampered = text(PROOF).replace("\n7\n", "\n8\n");
    TlogProof proof = TlogProof.parse(utf8(tampered));
    assertThrows(
        NoteSignatureException.class, () -> TlogProofVerifier.verifyEntry(proof, log(), ENTRY));
  }

  @Test
  void extraDataIsNotAuthenticated() throws Exception {
    String changed = text(PROOF).replaceFirst("extra [^\n]*\n", "extra b3RoZXI=\n");
    TlogProof proof = TlogProof.parse(utf8(changed));
    assertEquals("other", new String(proof.extra().orElseThrow(), StandardCharsets.US_ASCII));
    TlogProofVerifier.verifyEntry(proof, log(), ENTRY);
  }

  static Stream<Arguments> malformedProofs() {
    String proof = text(PROOF);
    String note = text(TestKeys.bytes("checkpoint/crosscheck-cosigned.note"));
    String hash = "OuVJIxGtMHi2jmTcTBaZliNIE3AQvjA90g21B9lTj8A=\n";
    return Stream.of(
        Arguments.of("wrong header", proof.replace("tlog-proof@v1", "tlog-proof@v2")),
        Arguments.of("header with trailing space", proof.replace("@v1\n", "@v1 \n")),
        Arguments.of("missing index", proof.replace("index 5\n", "")),
        Arguments.of(
            "index before extra", "c2sp.org/tlog-proof@v1\nindex 5\nextra AA==\n\n" + note),
        Arguments.of("negative index", proof.replace("index 5", "index -5")),
        Arguments.of("index with leading zero", proof.replace("index 5", "index 05")),
        Arguments.of("index not a number", proof.replace("index 5", "index five")),
        Arguments.of("index too large", proof.replace("index 5", "index 9223372036854775808")),
        Arguments.of("extra not base64", proof.replaceFirst("extra [^\n]*", "extra !!notbase64!!")),
        Arguments.of("extra without padding", proof.replaceFirst("extra [^\n]*", "extra YQ")),
        Arguments.of("hash not base64", proof.replace(hash, "!!notbase64!!\n")),
        Arguments.of("hash of 64 bytes", proof.replace(hash, "A".repeat(86) + "==\n")),
        Arguments.of("hash of 31 bytes", proof.replace(hash, "A".repeat(42) + "==\n")),
        Arguments.of("carriage return", proof.replace("index 5\n", "index 5\r\n")),
        Arguments.of("no blank line", "c2sp.org/tlog-proof@v1\nindex 5\n" + hash),
        Arguments.of("nothing after the blank line", "c2sp.org/tlog-proof@v1\nindex 5\n\n"),
        Arguments.of(
            "checkpoint is not a signed note", "c2sp.org/tlog-proof@v1\nindex 5\n\nhello\n"),
        Arguments.of(
            "too many hashes", "c2sp.org/tlog-proof@v1\nindex 5\n" + hash.repeat(64) + "\n" + note),
        Arguments.of("empty", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedProofs")
  void rejectsMalformedProof(String why, String proof) {
    assertThrows(MalformedDataException.class, () -> TlogProof.parse(utf8(proof)), why);
  }

  @Test
  void acceptsTheMostHashes() throws MalformedDataException {
    String note = text(TestKeys.bytes("checkpoint/crosscheck-cosigned.note"));
    String hash = "OuVJIxGtMHi2jmTcTBaZliNIE3AQvjA90g21B9lTj8A=\n";
    String proof =
        "c2sp.org/tlog-proof@v1\nindex 5\n" + hash.repeat(TlogProof.MAX_HASHES) + "\n" + note;
    assertEquals(TlogProof.MAX_HASHES, TlogProof.parse(utf8(proof)).hashes().size());
  }
}
