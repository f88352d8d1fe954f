package org.markproof.service.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.markproof.contracts.crypto.Ed25519PrivateKey;

/**
 * Writes bodies for custodially signed appends, one per line, for the load benchmark ({@code
 * service/src/test/bench/run.sh}): enrolments of brand owners that hold their own key, which the
 * operator's custodial key signs ({@code POST /v1/participants} with a {@code publicKey}). Unlike
 * an enrolment without a key, the service makes no key for them: each request is one statement the
 * service signs for the operator, the common custodial case. Every line names a new participant and
 * a new public key (the rules refuse a key enrolled twice).
 *
 * <p>Arguments: the number of bodies, the output file, and a run tag that keeps names unique across
 * runs.
 */
public final class CustodialEnrolments {
  private CustodialEnrolments() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: CustodialEnrolments COUNT OUT_FILE RUN_TAG");
      System.exit(2);
    }
    int count = Integer.parseInt(args[0]);
    String tag = args[2];
    SecureRandom random = new SecureRandom();
    Base64.Encoder base64 = Base64.getEncoder();
    try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        String publicKey =
            base64.encodeToString(Ed25519PrivateKey.generate(random).publicKey().bytes());
        out.write(
            String.format(
                "{\"participant\":\"signed-%s-%d\",\"displayName\":\"Bench brand owner\","
                    + "\"role\":{\"type\":\"brand-owner\"},\"publicKey\":\"%s\"}%n",
                tag, i, publicKey));
      }
    }
  }
}
