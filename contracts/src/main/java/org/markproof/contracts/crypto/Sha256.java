package org.markproof.contracts.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;

/**
 * SHA-256 from the JDK, which is several times faster than BouncyCastle's pure-Java digest on
 * HotSpot (it uses the CPU's SHA extensions where present).
 */
public final class Sha256 {
  /** Length of a SHA-256 digest in bytes. */
  public static final int LENGTH = 32;

  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(Sha256::newDigest);

  private Sha256() {}

  /**
   * Returns a new SHA-256 digest from the JDK's own {@code SUN} provider, or from the platform's
   * default where there is none (Android).
   *
   * <p>The provider is named because {@code MessageDigest.getInstance("SHA-256")} takes the first
   * registered provider that has it: an application that inserts BouncyCastle at position 1 would
   * otherwise hand every Merkle hash to its pure-Java digest, which HotSpot does not intrinsify.
   */
  public static MessageDigest newDigest() {
    try {
      Provider jdk = Security.getProvider("SUN");
      return jdk != null
          ? MessageDigest.getInstance("SHA-256", jdk)
          : MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  /** Returns SHA-256 of the concatenation of {@code parts}. */
  public static byte[] hash(byte[]... parts) {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  /** Returns SHA-256 of {@code prefix} followed by {@code data}; the shape of RFC 9162 hashing. */
  public static byte[] hash(byte prefix, byte[] data) {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    digest.update(prefix);
    digest.update(data);
    return digest.digest();
  }

  /** Returns SHA-256 of {@code prefix ‖ left ‖ right}. */
  public static byte[] hash(byte prefix, byte[] left, byte[] right) {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    digest.update(prefix);
    digest.update(left);
    digest.update(right);
    return digest.digest();
  }
}
