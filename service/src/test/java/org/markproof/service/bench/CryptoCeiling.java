package org.markproof.service.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.atomic.LongAdder;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Ed25519Signatures;

/**
 * The cryptographic ceiling of a scan (issue 4's benchmark): how many "one Ed25519 verify plus one
 * Ed25519 sign" operations this machine does per second on N threads, with contracts' BouncyCastle
 * Ed25519. Usage: {@code CryptoCeiling THREADS SECONDS [DOCUMENT_BYTES]}: the signed document has
 * 2,048 bytes unless given (signing hashes the document twice with SHA-512, so a verdict's real
 * size costs more than the default).
 */
public final class CryptoCeiling {
  private CryptoCeiling() {}

  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    long seconds = Long.parseLong(args[1]);
    Ed25519PrivateKey label = Ed25519PrivateKey.generate(new SecureRandom());
    Ed25519PrivateKey verdict = Ed25519PrivateKey.generate(new SecureRandom());
    byte[] message =
        "markproof/label/v1\n/01/09506000134352/10/L1/21/SER0001".getBytes(StandardCharsets.UTF_8);
    byte[] signature = Ed25519Signatures.sign(label, message);
    byte[] document = new byte[args.length > 2 ? Integer.parseInt(args[2]) : 2048];
    LongAdder done = new LongAdder();
    Thread[] workers = new Thread[threads];
    long warmEnd = System.nanoTime() + 5_000_000_000L;
    long end = warmEnd + seconds * 1_000_000_000L;
    for (int t = 0; t < threads; t++) {
      workers[t] =
          new Thread(
              () -> {
                try {
                  while (System.nanoTime() < end) {
                    Ed25519Signatures.verify(label.publicKey(), message, signature);
                    Ed25519Signatures.sign(verdict, document);
                    if (System.nanoTime() > warmEnd) {
                      done.increment();
                    }
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    System.out.printf(
        "verify+sign of %d bytes on %d threads: %.0f ops/s (%d in %d s after 5 s warm-up)%n",
        document.length, threads, done.sum() / (double) seconds, done.sum(), seconds);
  }
}
