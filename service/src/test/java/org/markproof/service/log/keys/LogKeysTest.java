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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.checkpoint.VerifiedCheckpoint;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.note.NoteSignatureException;
import org.markproof.contracts.note.NoteVerifiers;
import org.markproof.contracts.note.SignerKey;
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

    LogKeys keys =
        new LogKeysProducer()
            .logKeys(Optional.empty(), Optional.of(signerFile), Optional.of(timestampFile), dir);

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
    assertThrows(
        IllegalStateException.class,
        () ->
            new LogKeysProducer()
                .logKeys(Optional.empty(), Optional.of(signerFile), Optional.empty(), dir));
  }

  private LogKeys keys() throws IOException {
    LogKeyFiles.Loaded loaded = LogKeyFiles.loadOrCreate(dir, ORIGIN, new SecureRandom());
    return LogKeys.of(ORIGIN, loaded.signer(), loaded.timestamp());
  }
}
