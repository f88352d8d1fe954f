package org.markproof.service.log.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.note.NoteSignature;
import org.markproof.contracts.note.NoteSignatureException;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.note.SignerKey;
import org.markproof.contracts.note.UnverifiedNoteException;
import org.markproof.contracts.note.VerifierKey;

/**
 * {@code markproof.log.verifier-keys}: alone, a verifier-only service that opens the log's
 * checkpoints and can sign nothing (docs/operations.md "Restore drill"); next to a signer key file,
 * a pin the signer must match.
 */
class VerifierOnlyKeysTest {
  private static final String ORIGIN = "log.customs.example/markproof";
  private static final Instant AT = Instant.parse("2026-11-26T10:15:30Z");

  @TempDir Path dir;

  private final SignerKey production = checkpointKey();
  private final SignerKey timestamp = timestampKey();
  private final LogKeys signing = LogKeys.of(ORIGIN, production, timestamp);

  @Test
  void theVerifierKeyAloneOpensTheLogsCheckpointsAndSignsNothing() throws Exception {
    LogKeys keys = KeySettings.in(dir).verifierKeys(production.verifierKey().text()).keys();

    assertTrue(keys.isVerifierOnly());
    assertEquals("verifier-only", keys.mode());
    assertEquals(ORIGIN, keys.origin(), "the origin is the verifier key's name");
    assertEquals(production.verifierKey(), keys.checkpointVerifier().verifierKey());
    assertEquals(Optional.empty(), keys.knownTimestampVerifier());
    byte[] note = signing.signCheckpoint(9, root("a"), AT).toBytes();
    assertEquals(9, keys.openCheckpoint(note).checkpoint().size());

    assertThrows(LogReadOnlyException.class, () -> keys.signCheckpoint(10, root("b"), AT));
    SubmissionReceipt receipt = new SubmissionReceipt(ORIGIN, root("c"), AT);
    assertThrows(LogReadOnlyException.class, () -> receipt.sign(keys));
    assertFalse(Files.exists(dir.resolve("keys")), "no key generated under markproof.data-dir");
  }

  @Test
  void keysGeneratedEarlierInTheDataDirectoryAreNeitherReadNorUsed() throws Exception {
    LogKeyFiles.loadOrCreate(dir.resolve("keys"), ORIGIN, new SecureRandom());
    try (Stream<Path> before = Files.list(dir.resolve("keys"))) {
      List<Path> files = before.sorted().toList();
      LogKeys keys = KeySettings.in(dir).verifierKeys(production.verifierKey().text()).keys();
      assertTrue(keys.isVerifierOnly());
      assertEquals(production.verifierKey(), keys.checkpointVerifier().verifierKey());
      try (Stream<Path> after = Files.list(dir.resolve("keys"))) {
        assertEquals(files, after.sorted().toList());
      }
    }
  }

  @Test
  void refusesCheckpointsOfAnotherKeyUnderTheSameOrigin() throws Exception {
    LogKeys keys = KeySettings.in(dir).verifierKeys(production.verifierKey().text()).keys();
    LogKeys drill = LogKeys.of(ORIGIN, checkpointKey(), timestampKey());

    assertThrows(
        UnverifiedNoteException.class,
        () -> keys.openCheckpoint(drill.signCheckpoint(3, root("d"), AT).toBytes()));
  }

  @Test
  void aListedTimestampKeyIsPublishedAndChecksTheCosignatures() throws Exception {
    // One ConfigMap value, a key per line, as GET /v1/log/key lists them.
    LogKeys keys =
        KeySettings.in(dir)
            .verifierKeys(
                production.verifierKey().text()
                    + "\n"
                    + signing.timestampVerifier().verifierKey().text()
                    + "\n")
            .keys();
    assertEquals(
        signing.timestampVerifier().verifierKey(),
        keys.knownTimestampVerifier().orElseThrow().verifierKey());

    SignedNote signed = signing.signCheckpoint(4, root("e"), AT);
    assertEquals(4, keys.openCheckpoint(signed.toBytes()).checkpoint().size());
    List<NoteSignature> forged = new ArrayList<>(signed.signatures().subList(0, 1));
    NoteSignature cosignature = signed.signatures().get(1);
    byte[] bad = cosignature.signature();
    bad[bad.length - 1] ^= 1;
    forged.add(new NoteSignature(cosignature.name(), cosignature.keyId(), bad));
    byte[] tampered = new SignedNote(signed.text(), forged).toBytes();
    assertThrows(NoteSignatureException.class, () -> keys.openCheckpoint(tampered));
  }

  @Test
  void retiredKeysStillOpenTheCheckpointsTheySigned() throws Exception {
    SignerKey next = checkpointKey();
    LogKeys keys =
        KeySettings.in(dir)
            .verifierKeys(next.verifierKey().text())
            .retiredVerifierKey(production.verifierKey().text())
            .keys();

    assertEquals(
        2,
        keys.openCheckpoint(signing.signCheckpoint(2, root("f"), AT).toBytes())
            .checkpoint()
            .size());
  }

  @Test
  void refusesSettingsThatWouldSignOrMakeKeys() throws Exception {
    String verifier = production.verifierKey().text();
    Path timestampFile = Files.writeString(dir.resolve("ts"), timestamp.text() + "\n");
    Path nextFile = Files.writeString(dir.resolve("next"), checkpointKey().text() + "\n");

    for (KeySettings settings :
        List.of(
            KeySettings.in(dir).verifierKeys(verifier).timestampFile(timestampFile),
            KeySettings.in(dir).verifierKeys(verifier).additionalSignerFile(nextFile),
            KeySettings.in(dir).verifierKeys(verifier).demo())) {
      IllegalStateException e = settings.refusal();
      assertTrue(e.getMessage().contains("verifier-only"), e.getMessage());
      assertTrue(
          e.getMessage().contains("timestamp-key-file")
              || e.getMessage().contains("additional-signer-key-files")
              || e.getMessage().contains("markproof.demo"),
          e.getMessage());
    }
    assertFalse(Files.exists(dir.resolve("keys")), "no key generated under markproof.data-dir");
  }

  @Test
  void refusesAListWithoutACheckpointKeyOrWithKeysThatDoNotFit() throws Exception {
    String timestampText = signing.timestampVerifier().verifierKey().text();
    IllegalStateException onlyTimestamp = KeySettings.in(dir).verifierKeys(timestampText).refusal();
    assertTrue(onlyTimestamp.getMessage().contains("checkpointVerifierKey"));

    IllegalStateException malformed =
        KeySettings.in(dir).verifierKeys("PRIVATE+KEY+oops").refusal();
    assertTrue(malformed.getMessage().contains("markproof.log.verifier-keys"));

    SignerKey otherName =
        SignerKey.of(
            "other.example/log",
            VerifierKey.TYPE_ED25519,
            Ed25519PrivateKey.generate(new SecureRandom()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            KeySettings.in(dir)
                .verifierKeys(production.verifierKey().text(), otherName.verifierKey().text())
                .keys());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            KeySettings.in(dir)
                .verifierKeys(production.verifierKey().text(), production.verifierKey().text())
                .keys());
  }

  @Test
  void aSignerKeyFileListedAmongTheVerifierKeysSigns() throws Exception {
    LogKeys keys = signingWith(production).verifierKeys(production.verifierKey().text()).keys();

    assertFalse(keys.isVerifierOnly());
    assertEquals("signing", keys.mode());
    assertEquals(
        5,
        keys.openCheckpoint(keys.signCheckpoint(5, root("g"), AT).toBytes()).checkpoint().size());
  }

  @Test
  void refusesToStartWithASignerKeyTheVerifierKeysDoNotName() throws Exception {
    SignerKey other = checkpointKey();

    IllegalStateException wrongSigner =
        signingWith(other).verifierKeys(production.verifierKey().text()).refusal();
    assertTrue(wrongSigner.getMessage().contains(other.verifierKey().text()));
    assertTrue(wrongSigner.getMessage().contains("not among markproof.log.verifier-keys"));

    // The signer is listed, and so is a key the service knows nothing of.
    IllegalStateException unknown =
        signingWith(other)
            .verifierKeys(other.verifierKey().text(), production.verifierKey().text())
            .refusal();
    assertTrue(unknown.getMessage().contains(production.verifierKey().text()));
  }

  /** Settings with {@code signer} and the timestamp key in their files. */
  private KeySettings signingWith(SignerKey signer) throws IOException {
    Path signerFile = Files.writeString(dir.resolve("signer"), signer.text() + "\n");
    Path timestampFile = Files.writeString(dir.resolve("ts"), timestamp.text() + "\n");
    return KeySettings.in(dir).signerFile(signerFile).timestampFile(timestampFile);
  }

  private static byte[] root(String leaf) {
    return MerkleHashes.leafHash(leaf.getBytes(StandardCharsets.UTF_8));
  }

  private static SignerKey checkpointKey() {
    return FreshLogKeys.checkpointKey(ORIGIN);
  }

  private static SignerKey timestampKey() {
    return FreshLogKeys.timestampKey(ORIGIN);
  }
}
