package org.markproof.service.log.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.checkpoint.OriginMismatchException;
import org.markproof.contracts.checkpoint.VerifiedCheckpoint;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.note.NoteSignature;
import org.markproof.contracts.note.NoteSignatureException;
import org.markproof.contracts.note.NoteVerifiers;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.note.SignerKey;
import org.markproof.contracts.note.UnverifiedNoteException;
import org.markproof.contracts.note.VerifierKey;

/** The log's key files, checkpoint signatures with their timestamp cosignature, and receipts. */
class LogKeysTest {
  private static final String ORIGIN = "markproof.test/log";

  @TempDir Path dir;

  @Test
  void generatesBothKeysOnceOwnerReadableAndReusesThem() throws Exception {
    LogKeyFiles.Loaded first = LogKeyFiles.loadOrCreate(dir, ORIGIN, new SecureRandom());
    assertTrue(first.generated());
    for (String file : new String[] {LogKeyFiles.SIGNER_FILE, LogKeyFiles.TIMESTAMP_FILE}) {
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))));
      assertTrue(Files.readString(dir.resolve(file)).startsWith("PRIVATE+KEY+" + ORIGIN));
    }
    LogKeyFiles.Loaded again = LogKeyFiles.loadOrCreate(dir, ORIGIN, new SecureRandom());
    assertFalse(again.generated());
    assertEquals(first.signer().verifierKey(), again.signer().verifierKey());
    assertEquals(first.timestamp().verifierKey(), again.timestamp().verifierKey());
    assertEquals(VerifierKey.TYPE_ED25519, again.signer().type());
    assertEquals(VerifierKey.TYPE_COSIGNATURE, again.timestamp().type());
  }

  @Test
  void refusesToInventOneKeyWhenTheOtherIsThere() throws Exception {
    LogKeyFiles.loadOrCreate(dir, ORIGIN, new SecureRandom());
    Files.delete(dir.resolve(LogKeyFiles.TIMESTAMP_FILE));
    IOException e =
        assertThrows(
            IOException.class, () -> LogKeyFiles.loadOrCreate(dir, ORIGIN, new SecureRandom()));
    assertTrue(e.getMessage().contains(LogKeyFiles.TIMESTAMP_FILE), e.getMessage());
  }

  @Test
  void refusesAKeyFileOfTheWrongTypeWithoutEchoingTheKey() throws Exception {
    LogKeyFiles.Loaded keys = LogKeyFiles.loadOrCreate(dir, ORIGIN, new SecureRandom());
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                LogKeyFiles.read(
                    dir.resolve(LogKeyFiles.SIGNER_FILE), VerifierKey.TYPE_COSIGNATURE));
    assertFalse(e.getMessage().contains(keys.signer().text().substring(30)), e.getMessage());
  }

  @Test
  void refusesACheckpointKeyNotNamedAfterTheOrigin() throws Exception {
    LogKeyFiles.Loaded keys = LogKeyFiles.loadOrCreate(dir, ORIGIN, new SecureRandom());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LogKeys.of("other.example/log", keys.signer(), keys.timestamp()));
    assertTrue(e.getMessage().contains("markproof.log.origin"), e.getMessage());
  }

  @Test
  void checkpointsVerifyWithTheLogKeyAndCarryTheTimestampCosignature() throws Exception {
    LogKeys keys = keys();
    Instant at = Instant.parse("2026-11-26T10:15:30Z");
    byte[] root = MerkleHashes.leafHash("x".getBytes(StandardCharsets.UTF_8));
    String note = keys.signCheckpoint(7, root, at).format();
    VerifiedCheckpoint verified =
        CheckpointVerifier.forLog(keys.checkpointVerifier())
            .open(
                note.getBytes(StandardCharsets.UTF_8), NoteVerifiers.of(keys.timestampVerifier()));
    assertEquals(ORIGIN, verified.checkpoint().origin());
    assertEquals(7, verified.checkpoint().size());
    assertArrayEquals(root, verified.checkpoint().rootHash());
    assertEquals(1, verified.cosignatures().size());
    assertEquals(at.getEpochSecond(), verified.cosignatures().get(0).timestamp());
  }

  @Test
  void receiptsOpenWithTheTimestampKeyAndRefuseTampering() throws Exception {
    LogKeys keys = keys();
    SubmissionReceipt promise =
        new SubmissionReceipt(
            ORIGIN,
            MerkleHashes.leafHash("leaf".getBytes(StandardCharsets.UTF_8)),
            Instant.parse("2026-11-26T10:15:30.123Z"));
    String receipt = promise.sign(keys);
    assertEquals(promise, SubmissionReceipt.open(receipt, keys.timestampVerifier()));
    String tampered = receipt.replace("10:15:30.123Z", "10:15:31.123Z");
    assertThrows(
        NoteSignatureException.class,
        () -> SubmissionReceipt.open(tampered, keys.timestampVerifier()));
  }

  @Test
  void configuredFilesNameTheOriginAndATimestampNoteKeySignsAsACosignatureKey() throws Exception {
    SecureRandom random = new SecureRandom();
    SignerKey signer =
        SignerKey.of(
            "log.customs.example/markproof",
            VerifierKey.TYPE_ED25519,
            Ed25519PrivateKey.generate(random));
    // What the runbook's `edge-scanner keys generate` writes: a plain note key (type 0x01).
    SignerKey timestampNoteKey =
        SignerKey.of(
            "log.customs.example/markproof-timestamp",
            VerifierKey.TYPE_ED25519,
            Ed25519PrivateKey.generate(random));
    Path signerFile = Files.writeString(dir.resolve("signer"), signer.text() + "\n");
    Path timestampFile = Files.writeString(dir.resolve("ts"), timestampNoteKey.text() + "\n");

    LogKeys keys = KeySettings.in(dir).signerFile(signerFile).timestampFile(timestampFile).keys();

    assertEquals("log.customs.example/markproof", keys.origin());
    assertEquals(VerifierKey.TYPE_COSIGNATURE, keys.timestampVerifier().verifierKey().type());
    assertArrayEquals(
        timestampNoteKey.privateKey().publicKey().bytes(),
        keys.timestampVerifier().verifierKey().publicKey());
    assertFalse(Files.exists(dir.resolve("keys")), "nothing generated when keys are configured");
  }

  @Test
  void refusesOnlyOneConfiguredKeyFile() throws Exception {
    LogKeyFiles.Loaded loaded = LogKeyFiles.loadOrCreate(dir, ORIGIN, new SecureRandom());
    Path signerFile = Files.writeString(dir.resolve("signer"), loaded.signer().text());
    KeySettings.in(dir).signerFile(signerFile).refusal();
  }

  @Test
  void anAdditionalKeySignsEveryCheckpointAndEitherKeyAloneOpensIt() throws Exception {
    SignerKey old = checkpointKey();
    SignerKey next = checkpointKey();
    LogKeys keys = LogKeys.of(ORIGIN, old, List.of(next), List.of(), timestampKey());
    byte[] note =
        keys.signCheckpoint(3, root("a"), Instant.parse("2026-11-26T10:15:30Z")).toBytes();

    for (SignerKey alone : List.of(old, next)) {
      VerifiedCheckpoint verified =
          CheckpointVerifier.forLog(Ed25519NoteVerifier.fromKey(alone.verifierKey())).open(note);
      assertEquals(3, verified.checkpoint().size());
      // The other checkpoint key and the timestamp key are unknown to this client: ignored.
      assertEquals(2, verified.note().ignored().size(), "ignored signatures");
    }
    assertEquals(3, keys.openCheckpoint(note).checkpoint().size());
  }

  @Test
  void aRetiredKeyStillOpensTheCheckpointsItSignedButSignsNoNewOnes() throws Exception {
    SignerKey old = checkpointKey();
    SignerKey next = checkpointKey();
    SignerKey timestamp = timestampKey();
    byte[] before =
        LogKeys.of(ORIGIN, old, timestamp)
            .signCheckpoint(5, root("b"), Instant.parse("2026-11-26T10:15:30Z"))
            .toBytes();
    LogKeys rotated = LogKeys.of(ORIGIN, next, List.of(), List.of(old.verifierKey()), timestamp);

    assertEquals(5, rotated.openCheckpoint(before).checkpoint().size());
    SignedNote after = rotated.signCheckpoint(6, root("c"), Instant.parse("2026-11-26T10:16:00Z"));
    assertFalse(
        after.signatures().stream().anyMatch(s -> s.isBy(ORIGIN, old.verifierKey().keyId())),
        "the retired key signed a new checkpoint");
    assertThrows(
        UnverifiedNoteException.class,
        () ->
            CheckpointVerifier.forLog(Ed25519NoteVerifier.fromKey(old.verifierKey()))
                .open(after.toBytes()));
  }

  @Test
  void refusesCheckpointsNoneOfTheLogKeysSignedOrWithABadSignatureByOne() throws Exception {
    SignerKey old = checkpointKey();
    SignerKey next = checkpointKey();
    SignerKey timestamp = timestampKey();
    LogKeys keys = LogKeys.of(ORIGIN, next, List.of(), List.of(old.verifierKey()), timestamp);
    Instant at = Instant.parse("2026-11-26T10:15:30Z");

    // Another key of the same name: the origin is right, the key id is not one of ours.
    LogKeys impostor = LogKeys.of(ORIGIN, checkpointKey(), timestamp);
    assertThrows(
        UnverifiedNoteException.class,
        () -> keys.openCheckpoint(impostor.signCheckpoint(1, root("d"), at).toBytes()));

    // Only the log's timestamp cosignature: a timestamp is not the log's checkpoint signature.
    String text = Checkpoint.of(ORIGIN, 1, root("d")).format();
    SignedNote timestampOnly =
        new SignedNote(text, List.of(keys.timestamp(text.getBytes(StandardCharsets.UTF_8), at)));
    assertThrows(UnverifiedNoteException.class, () -> keys.openCheckpoint(timestampOnly.toBytes()));

    // A good signature by the primary key next to a forged one by the retired key: rejected whole.
    SignedNote signed = keys.signCheckpoint(1, root("d"), at);
    List<NoteSignature> lines = new ArrayList<>(signed.signatures());
    lines.add(new NoteSignature(ORIGIN, old.verifierKey().keyId(), new byte[64]));
    assertThrows(
        NoteSignatureException.class,
        () -> keys.openCheckpoint(new SignedNote(text, lines).toBytes()));

    // The log's key over a checkpoint of another origin.
    SignedNote otherOrigin =
        SignedNote.sign(
            Checkpoint.of("other.example/log", 1, root("d")).format(),
            List.of(Ed25519NoteSigner.fromKey(next)));
    assertThrows(OriginMismatchException.class, () -> keys.openCheckpoint(otherOrigin.toBytes()));
  }

  @Test
  void refusesRotationKeysOfAnotherNameOrGivenTwice() throws Exception {
    SignerKey primary = checkpointKey();
    SignerKey timestamp = timestampKey();
    SignerKey otherName =
        SignerKey.of(
            "other.example/log",
            VerifierKey.TYPE_ED25519,
            Ed25519PrivateKey.generate(new SecureRandom()));
    IllegalArgumentException named =
        assertThrows(
            IllegalArgumentException.class,
            () -> LogKeys.of(ORIGIN, primary, List.of(otherName), List.of(), timestamp));
    assertTrue(named.getMessage().contains("keeps the origin as its name"), named.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> LogKeys.of(ORIGIN, primary, List.of(), List.of(otherName.verifierKey()), timestamp));
    assertThrows(
        IllegalArgumentException.class,
        () -> LogKeys.of(ORIGIN, primary, List.of(primary), List.of(), timestamp));
    assertThrows(
        IllegalArgumentException.class,
        () -> LogKeys.of(ORIGIN, primary, List.of(), List.of(primary.verifierKey()), timestamp));
  }

  @Test
  void theProducerReadsAdditionalKeyFilesAndRetiredVerifierKeys() throws Exception {
    SignerKey primary = checkpointKey();
    SignerKey next = checkpointKey();
    SignerKey retired = checkpointKey();
    Path signerFile = Files.writeString(dir.resolve("signer"), primary.text() + "\n");
    Path timestampFile = Files.writeString(dir.resolve("ts"), timestampKey().text() + "\n");
    Path nextFile = Files.writeString(dir.resolve("next"), next.text() + "\n");

    LogKeys keys =
        KeySettings.in(dir)
            .signerFile(signerFile)
            .timestampFile(timestampFile)
            .additionalSignerFile(nextFile)
            .retiredVerifierKey(" " + retired.verifierKey().text())
            .keys();

    assertEquals(primary.verifierKey(), keys.checkpointVerifier().verifierKey());
    assertEquals(
        List.of(next.verifierKey()),
        keys.additionalVerifiers().stream().map(v -> v.verifierKey()).toList());
    assertEquals(
        List.of(retired.verifierKey()),
        keys.retiredVerifiers().stream().map(v -> v.verifierKey()).toList());
    IllegalStateException malformed =
        KeySettings.in(dir)
            .signerFile(signerFile)
            .timestampFile(timestampFile)
            .retiredVerifierKey("not-a-key")
            .refusal();
    assertTrue(
        malformed.getMessage().contains("markproof.log.retired-verifier-keys"),
        malformed.getMessage());
  }

  @Test
  void theProducerIgnoresAnAdditionalKeyThatIsThePrimaryItself() throws Exception {
    // Between two steps of a rotation: the new key is already the primary one, and the file of
    // the additional key still holds it too.
    SignerKey primary = checkpointKey();
    Path signerFile = Files.writeString(dir.resolve("signer"), primary.text() + "\n");
    Path sameFile = Files.writeString(dir.resolve("same"), primary.text() + "\n");
    Path timestampFile = Files.writeString(dir.resolve("ts"), timestampKey().text() + "\n");

    LogKeys keys =
        KeySettings.in(dir)
            .signerFile(signerFile)
            .timestampFile(timestampFile)
            .additionalSignerFile(sameFile)
            .keys();

    assertEquals(List.of(), keys.additionalVerifiers());
    assertEquals(
        2,
        keys.signCheckpoint(1, root("e"), Instant.parse("2026-11-26T10:15:30Z"))
            .signatures()
            .size(),
        "one log signature and the timestamp");
  }

  private static SignerKey checkpointKey() {
    return FreshLogKeys.checkpointKey(ORIGIN);
  }

  private static SignerKey timestampKey() {
    return FreshLogKeys.timestampKey(ORIGIN);
  }

  private static byte[] root(String leaf) {
    return MerkleHashes.leafHash(leaf.getBytes(StandardCharsets.UTF_8));
  }

  private LogKeys keys() throws IOException {
    LogKeyFiles.Loaded loaded = LogKeyFiles.loadOrCreate(dir, ORIGIN, new SecureRandom());
    return LogKeys.of(ORIGIN, loaded.signer(), loaded.timestamp());
  }
}
