package org.markproof.contracts.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.checkpoint.VerifiedCheckpoint;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Sha256;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.SignedNote;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Opening a signed checkpoint with one Ed25519 signature, against its ceilings: BouncyCastle's raw
 * Ed25519 verification of the same checkpoint text (with the key as bytes, decoded on every call,
 * and with the key decoded once, as our verifier keeps it), and the JDK's SHA-256 of that text.
 * Target: opening within 10% of the raw verification; {@link #parseSignedCheckpointOnly} measures
 * the parsing part of that overhead on its own.
 *
 * <p>{@code mvn -B -q -pl contracts -Pbench test-compile exec:exec -Djmh.args="NoteBenchmark -f 1
 * -wi 2 -i 3 -w 1s -r 1s"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NoteBenchmark {
  private CheckpointVerifier verifier;
  private byte[] note;
  private byte[] text;
  private byte[] signature;
  private byte[] publicKey;
  private Ed25519.PublicPoint publicPoint;
  private MessageDigest sha256;

  @Setup
  public void setUp() throws Exception {
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(Sha256.hash("benchmark log".getBytes()));
    Ed25519NoteSigner log = Ed25519NoteSigner.of("log.markproof.example/customs", key);
    Checkpoint checkpoint =
        Checkpoint.of(log.name(), 1_234_567_890L, Sha256.hash("root".getBytes()));
    SignedNote signed = SignedNote.sign(checkpoint.format(), List.of(log));
    note = signed.toBytes();
    text = checkpoint.toBytes();
    signature = signed.signatures().get(0).signature();
    publicKey = key.publicKey().bytes();
    publicPoint = Ed25519.validatePublicKeyPartialExport(publicKey, 0);
    verifier = CheckpointVerifier.forLog(log.verifier());
    sha256 = newSha256();
    Ed25519.precompute();
    if (!rawVerifyKeyBytes() || !rawVerifyDecodedKey()) {
      throw new IllegalStateException("benchmark signature does not verify");
    }
    verifier.open(note);
  }

  @Benchmark
  public VerifiedCheckpoint openSignedCheckpoint() throws Exception {
    return verifier.open(note);
  }

  /** The work of opening other than the signature check: what the 10% budget is spent on. */
  @Benchmark
  public Checkpoint parseSignedCheckpointOnly() throws Exception {
    return Checkpoint.parse(SignedNote.parse(note).text());
  }

  @Benchmark
  public boolean rawVerifyKeyBytes() {
    return Ed25519.verify(signature, 0, publicKey, 0, text, 0, text.length);
  }

  @Benchmark
  public boolean rawVerifyDecodedKey() {
    return Ed25519.verify(signature, 0, publicPoint, text, 0, text.length);
  }

  @Benchmark
  public byte[] jdkSha256() {
    return sha256.digest(text);
  }

  private static MessageDigest newSha256() throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256");
  }
}
