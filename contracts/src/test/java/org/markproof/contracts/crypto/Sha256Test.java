package org.markproof.contracts.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Security;
import java.util.HexFormat;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class Sha256Test {
  private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

  /** FIPS 180-4 example "abc" (NIST CSRC, SHA256.pdf). */
  private static final byte[] ABC_DIGEST =
      HexFormat.of().parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

  @Test
  void hashesTheFipsExample() {
    assertArrayEquals(ABC_DIGEST, Sha256.hash(ABC));
    assertArrayEquals(ABC_DIGEST, Sha256.newDigest().digest(ABC));
  }

  @Test
  void newDigestStaysWithTheJdkWhenBouncyCastleIsRegisteredFirst() throws Exception {
    BouncyCastleProvider bouncyCastle = new BouncyCastleProvider();
    Security.removeProvider(bouncyCastle.getName());
    Security.insertProviderAt(bouncyCastle, 1);
    try {
      // The premise: an unnamed lookup now lands on BouncyCastle's digest.
      assertEquals("BC", MessageDigest.getInstance("SHA-256").getProvider().getName());
      MessageDigest digest = Sha256.newDigest();
      assertEquals("SUN", digest.getProvider().getName());
      assertArrayEquals(ABC_DIGEST, digest.digest(ABC));
    } finally {
      Security.removeProvider(bouncyCastle.getName());
    }
  }
}
