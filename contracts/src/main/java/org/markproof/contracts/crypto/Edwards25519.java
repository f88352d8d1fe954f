package org.markproof.contracts.crypto;

import java.math.BigInteger;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Points of edwards25519 (RFC 8032 §5.1) in extended coordinates (X : Y : Z : T), x = X/Z, y = Y/Z,
 * xy = T/Z, with the variable-time formulas of Hisil, Wong, Carter and Dawson (2008) for a = -1:
 * what {@link Ed25519BatchVerifier} needs and no more. Nothing here handles secrets, so nothing is
 * constant-time.
 *
 * <p>Field elements are BouncyCastle's {@link X25519Field} (ten signed limbs of 26 and 25 bits).
 * Its {@code mul} and {@code sqr} take inputs that are one addition or subtraction away from a
 * reduced value; a value two additions away is carried first.
 *
 * <p>The operations work in place on a {@link Point} and keep their temporaries in the instance, so
 * an instance serves one thread.
 */
final class Edwards25519 {
  /** p = 2^255 - 19. */
  static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

  /** d = -121665 / 121666 (mod p). */
  private static final int[] D =
      element(
          BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P));

  /** 2d. */
  private static final int[] D2 =
      element(
          BigInteger.valueOf(-121665)
              .multiply(BigInteger.valueOf(121666).modInverse(P))
              .shiftLeft(1)
              .mod(P));

  /** The base point B's encoding (RFC 8032 §5.1): y = 4/5, x even. */
  static final byte[] BASE_ENCODING =
      HexFormat.of().parseHex("5866666666666666666666666666666666666666666666666666666666666666");

  /** A point in extended coordinates. */
  static final class Point {
    final int[] x = X25519Field.create();
    final int[] y = X25519Field.create();
    final int[] z = X25519Field.create();
    final int[] t = X25519Field.create();

    void setNeutral() {
      X25519Field.zero(x);
      X25519Field.one(y);
      X25519Field.one(z);
      X25519Field.zero(t);
    }

    void set(Point other) {
      X25519Field.copy(other.x, 0, x, 0);
      X25519Field.copy(other.y, 0, y, 0);
      X25519Field.copy(other.z, 0, z, 0);
      X25519Field.copy(other.t, 0, t, 0);
    }
  }

  /** A point made ready to be added: (Y + X, Y - X, 2Z, 2dT). */
  static final class Addend {
    final int[] yPlusX = X25519Field.create();
    final int[] yMinusX = X25519Field.create();
    final int[] z2 = X25519Field.create();
    final int[] t2d = X25519Field.create();
  }

  private final int[] a = X25519Field.create();
  private final int[] b = X25519Field.create();
  private final int[] c = X25519Field.create();
  private final int[] d = X25519Field.create();
  private final int[] e = X25519Field.create();
  private final int[] f = X25519Field.create();
  private final int[] g = X25519Field.create();
  private final int[] h = X25519Field.create();

  private static int[] element(BigInteger value) {
    byte[] bigEndian = value.toByteArray();
    byte[] littleEndian = new byte[32];
    for (int i = 0; i < bigEndian.length && i < 32; i++) {
      littleEndian[i] = bigEndian[bigEndian.length - 1 - i];
    }
    int[] element = X25519Field.create();
    X25519Field.decode255(littleEndian, element);
    return element;
  }

  /**
   * Decodes a point (RFC 8032 §5.1.3) into {@code into}.
   *
   * @return false if the 32 bytes at {@code offset} are not the canonical encoding of a y < p, or
   *     no x fits that y, or they ask for the negative of x = 0
   */
  boolean decode(byte[] encoded, int offset, Point into) {
    if (!canonicalY(encoded, offset)) {
      return false;
    }
    byte[] yBytes = new byte[32];
    System.arraycopy(encoded, offset, yBytes, 0, 32);
    int sign = (yBytes[31] & 0x80) >>> 7;
    yBytes[31] &= 0x7f;
    X25519Field.decode255(yBytes, into.y);
    // x^2 = (y^2 - 1) / (d y^2 + 1)
    X25519Field.sqr(into.y, a);
    X25519Field.mul(D, a, b);
    X25519Field.subOne(a);
    X25519Field.addOne(b);
    if (!X25519Field.sqrtRatioVar(a, b, into.x)) {
      return false;
    }
    X25519Field.normalize(into.x);
    if (sign == 1 && X25519Field.isZeroVar(into.x)) {
      return false;
    }
    if (sign != (into.x[0] & 1)) {
      X25519Field.negate(into.x, into.x);
      X25519Field.normalize(into.x);
    }
    X25519Field.one(into.z);
    X25519Field.mul(into.x, into.y, into.t);
    return true;
  }

  /** Whether the low 255 bits at {@code offset} (little-endian) are below p. */
  private static boolean canonicalY(byte[] encoded, int offset) {
    if ((encoded[offset + 31] & 0x7f) != 0x7f) {
      return true;
    }
    for (int i = 30; i >= 1; i--) {
      if ((encoded[offset + i] & 0xff) != 0xff) {
        return true;
      }
    }
    return (encoded[offset] & 0xff) < 0xed;
  }

  /** {@code addend} := {@code point}, ready to be added. */
  void prepare(Point point, Addend addend) {
    X25519Field.apm(point.y, point.x, addend.yPlusX, addend.yMinusX);
    X25519Field.add(point.z, point.z, addend.z2);
    X25519Field.carry(addend.z2);
    X25519Field.mul(point.t, D2, addend.t2d);
  }

  /** {@code r} := {@code r} + {@code q}, or {@code r} - {@code q} if {@code subtract}. */
  void add(Point r, Addend q, boolean subtract) {
    X25519Field.apm(r.y, r.x, e, f); // e = Y1 + X1, f = Y1 - X1
    if (subtract) {
      // -q = (-X, Y, Z, -T): Y + X and Y - X trade places, 2dT changes sign.
      X25519Field.mul(f, q.yPlusX, a);
      X25519Field.mul(e, q.yMinusX, b);
    } else {
      X25519Field.mul(f, q.yMinusX, a);
      X25519Field.mul(e, q.yPlusX, b);
    }
    X25519Field.mul(r.t, q.t2d, c);
    X25519Field.mul(r.z, q.z2, d);
    X25519Field.apm(b, a, h, e); // h = B + A, e = B - A
    if (subtract) {
      X25519Field.apm(d, c, f, g); // f = D + C, g = D - C
    } else {
      X25519Field.apm(d, c, g, f); // g = D + C, f = D - C
    }
    X25519Field.mul(e, f, r.x);
    X25519Field.mul(g, h, r.y);
    X25519Field.mul(e, h, r.t);
    X25519Field.mul(f, g, r.z);
  }

  /** {@code r} := 2 {@code r}. */
  void twice(Point r) {
    X25519Field.sqr(r.x, a);
    X25519Field.sqr(r.y, b);
    X25519Field.sqr(r.z, c);
    X25519Field.add(c, c, c); // C = 2 Z^2
    X25519Field.apm(a, b, h, g); // H = A + B, G = A - B
    X25519Field.add(r.x, r.y, e);
    X25519Field.sqr(e, e);
    X25519Field.sub(h, e, e); // E = H - (X + Y)^2
    X25519Field.carry(e);
    X25519Field.add(c, g, f); // F = C + G
    X25519Field.carry(f);
    X25519Field.mul(e, f, r.x);
    X25519Field.mul(g, h, r.y);
    X25519Field.mul(e, h, r.t);
    X25519Field.mul(f, g, r.z);
  }

  /** The odd multiples P, 3P, 5P, … of {@code point}, {@code count} of them, ready to be added. */
  Addend[] oddMultiples(Point point, int count) {
    Addend[] table = new Addend[count];
    Point twoP = new Point();
    twoP.set(point);
    twice(twoP);
    Addend twoPAddend = new Addend();
    prepare(twoP, twoPAddend);
    Point current = new Point();
    current.set(point);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        add(current, twoPAddend, false);
      }
      table[i] = new Addend();
      prepare(current, table[i]);
    }
    return table;
  }

  /** Whether {@code point} is the neutral element (0, 1). Changes {@code point}'s limbs' form. */
  boolean isNeutral(Point point) {
    X25519Field.normalize(point.x);
    if (!X25519Field.isZeroVar(point.x)) {
      return false;
    }
    X25519Field.normalize(point.y);
    X25519Field.normalize(point.z);
    return X25519Field.areEqualVar(point.y, point.z);
  }
}
