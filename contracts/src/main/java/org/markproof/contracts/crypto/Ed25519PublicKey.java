package org.markproof.contracts.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.markproof.contracts.MalformedDataException;

/**
 * An Ed25519 public key (RFC 8032 §5.1.5): 32 bytes, decoded once into a curve point so that every
 * later verification skips the point decompression.
 */
public final class Ed25519PublicKey {
  private final byte[] bytes;
  private final Ed25519.PublicPoint point;

  /**
   * The odd multiples of the point and of 2^128 times it, for {@link Ed25519Batch}, made on first
   * use (a race makes two).
   */
  private volatile Edwards25519.Addend[][] oddMultiples;

  /** The RFC 7638 thumbprint, made on first use: the rules ask for it several times per entry. */
  private volatile String thumbprint;

  private Ed25519PublicKey(byte[] bytes, Ed25519.PublicPoint point) {
    this.bytes = bytes;
    this.point = point;
  }

  /**
   * Decodes a public key.
   *
   * @throws MalformedDataException if {@code bytes} is not 32 bytes or not the encoding of a curve
   *     point
   */
  public static Ed25519PublicKey of(byte[] bytes) throws MalformedDataException {
    if (bytes == null || bytes.length != Ed25519.PUBLIC_KEY_SIZE) {
      throw new MalformedDataException(
          "Ed25519 public key: got "
              + (bytes == null ? "nothing" : bytes.length + " bytes")
              + ", expected "
              + Ed25519.PUBLIC_KEY_SIZE);
    }
    byte[] copy = bytes.clone();
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(copy, 0);
    if (point == null) {
      throw new MalformedDataException("Ed25519 public key: not a valid curve point encoding");
    }
    return new Ed25519PublicKey(copy, point);
  }

  /** The 32-byte encoding. */
  public byte[] bytes() {
    return bytes.clone();
  }

  byte[] bytesRef() {
    return bytes;
  }

  /**
   * The RFC 7638 §3 JWK thumbprint: base64url (no padding) of SHA-256 over the required members in
   * lexicographic order without whitespace, {@code {"crv":"Ed25519","kty":"OKP","x":"..."}} (RFC
   * 8037 §A.3). 43 characters.
   */
  public String thumbprint() {
    String value = thumbprint;
    if (value == null) {
      String members =
          "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + Base64Url.encode(bytes) + "\"}";
      value = Base64Url.encode(Sha256.hash(members.getBytes(StandardCharsets.US_ASCII)));
      thumbprint = value;
    }
    return value;
  }

  Ed25519.PublicPoint point() {
    return point;
  }

  Edwards25519.Addend[][] oddMultiples() {
    Edwards25519.Addend[][] table = oddMultiples;
    if (table == null) {
      table = Ed25519Batch.oddMultiplesOf(bytes);
      oddMultiples = table;
    }
    return table;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PublicKey other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Ed25519PublicKey[" + HexFormat.of().formatHex(bytes) + "]";
  }
}
