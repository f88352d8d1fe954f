package org.markproof.contracts.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.markproof.contracts.entry.CanonicalJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * RFC 8785 bytes of a verdict document as the service signs it: a demo {@code SUSPECT_CLONE}
 * verdict (~7 kB: signed notes with their em dash, tlog-proofs with newlines, sightings with
 * coordinates), against raw BouncyCastle signing the same bytes as the same-run baseline.
 *
 * <p>{@code mvn -B -q -pl contracts -Pbench test-compile exec:exec -Djmh.args="VerdictBenchmark -f
 * 1 -wi 3 -i 5 -w 2s -r 2s"}
 */
@State(Scope.Thread)
public class VerdictBenchmark {
  private ObjectNode document;
  private byte[] canonical;
  private Ed25519PrivateKeyParameters key;

  @Setup
  public void setUp() throws IOException {
    try (InputStream in =
        VerdictBenchmark.class.getResourceAsStream("/bench/verdict-suspect-clone.json")) {
      document = (ObjectNode) new ObjectMapper().readTree(in);
    }
    canonical = CanonicalJson.bytes(document);
    key = new Ed25519PrivateKeyParameters(new byte[32], 0);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public byte[] canonicalBytes() {
    return CanonicalJson.bytes(document);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public byte[] rawBouncyCastleSignOfTheCanonicalBytes() {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(canonical, 0, canonical.length);
    return signer.generateSignature();
  }
}
