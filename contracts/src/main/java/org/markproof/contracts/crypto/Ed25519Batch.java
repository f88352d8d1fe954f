package org.markproof.contracts.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.markproof.contracts.crypto.Edwards25519.Addend;
import org.markproof.contracts.crypto.Edwards25519.Point;

/**
 * Verifies many Ed25519 signatures at once, for the places that check thousands in a row (a border
 * post replaying the whole ledger, a service replaying its log at start).
 *
 * <p>Each signature (R, S) by key A over M must satisfy RFC 8032 §5.1.7's group equation {@code
 * [8][S]B = [8]R + [8][k]A}, k = SHA-512(R ‖ A ‖ M) mod L, after the same input checks as one
 * verification (64 bytes, S < L, R and A canonical encodings of curve points; A is never of small
 * order, under which anyone could satisfy the equation: {@link Ed25519PublicKey#of} refuses such
 * keys). A batch checks one random linear combination of the equations:
 *
 * <pre>[8]( [Σ z_i S_i] B − Σ [z_i] R_i − Σ_A [Σ_{i by A} z_i k_i] A ) = 0</pre>
 *
 * with independent random z_i of 128 bits: if any signature fails its own equation, the combination
 * holds with probability at most 2^-127. Signatures by one key share that key's term, so a batch of
 * n signatures by one key costs one multi-scalar multiplication with n + 4 points, every scalar of
 * at most 128 bits (a 253-bit scalar x of B or A is split as x_low + 2^128 x_high, against B and
 * 2^128 B, made once, and A and 2^128 A, kept with the key): per signature, a point decompression
 * and some 30 point additions, and 128 doublings shared by the batch. When the combination does not
 * hold, each signature is checked on its own (its equation with z = 1), so the answer for each is
 * exactly whether it satisfies the equation, whatever else was in the batch.
 *
 * <p>The equation is RFC 8032's cofactored one, and {@link #verifyOne} checks it for one signature,
 * so that a ledger entry gets the same answer alone or in any batch ({@link VerifiedSignatures}
 * verifies every entry this way). BouncyCastle's verification ({@link Ed25519Signatures#verify},
 * kept for notes, labels and tokens) checks a cofactorless variant; the two differ only for
 * signatures whose R carries a small-order component, which no signer following RFC 8032 makes and
 * only a key's holder can make (it is malleability, not forgery).
 */
public final class Ed25519Batch {
  /** The order of the prime subgroup, L = 2^252 + 27742317777372353535851937790883648493. */
  static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

  /** wNAF width for the keys' and R's terms: 8 odd multiples each. */
  private static final int WIDTH = 5;

  /** wNAF width for B's term: 64 odd multiples, made once. */
  private static final int BASE_WIDTH = 8;

  /** Scalars of 253 bits are split at this bit, so that every term is at most 128 bits long. */
  private static final int SPLIT = 128;

  /** Odd multiples of B and of 2^128 B. */
  private static final Addend[] BASE_TABLE;

  private static final Addend[] BASE_HIGH_TABLE;

  private static final SecureRandom RANDOM = new SecureRandom();

  static {
    Edwards25519 curve = new Edwards25519();
    Point base = new Point();
    if (!curve.decode(Edwards25519.BASE_ENCODING, 0, base)) {
      throw new IllegalStateException("the base point does not decode");
    }
    BASE_TABLE = curve.oddMultiples(base, 1 << (BASE_WIDTH - 2));
    BASE_HIGH_TABLE = curve.oddMultiples(shifted(curve, base), 1 << (BASE_WIDTH - 2));
  }

  /** 2^128 {@code point}, as a new point. */
  private static Point shifted(Edwards25519 curve, Point point) {
    Point high = new Point();
    high.set(point);
    for (int i = 0; i < SPLIT; i++) {
      curve.twice(high);
    }
    return high;
  }

  /**
   * The odd multiples A, 3A, …, 15A of a key (a curve point: Ed25519PublicKey.of checked it), then
   * those of 2^128 A.
   */
  static Addend[][] oddMultiplesOf(byte[] keyBytes) {
    Edwards25519 curve = new Edwards25519();
    Point a = new Point();
    if (!curve.decode(keyBytes, 0, a)) {
      throw new IllegalStateException("an Ed25519 public key that does not decode");
    }
    return new Addend[][] {
      curve.oddMultiples(a, 1 << (WIDTH - 2)),
      curve.oddMultiples(shifted(curve, a), 1 << (WIDTH - 2))
    };
  }

  /** One signature to check: {@code signature} by {@code key} over {@code message}. */
  public record Signed(Ed25519PublicKey key, byte[] message, byte[] signature) {}

  private Ed25519Batch() {}

  /**
   * Whether each of {@code batch} satisfies RFC 8032 §5.1.7's verification; the answers in the
   * batch's order.
   */
  public static boolean[] verify(List<Signed> batch) {
    boolean[] verified = new boolean[batch.size()];
    Edwards25519 curve = new Edwards25519();
    MessageDigest sha512 = sha512();
    List<Prepared> ready = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Prepared prepared = prepare(batch.get(i), i, curve, sha512);
      if (prepared != null) {
        ready.add(prepared);
      }
    }
    if (ready.isEmpty()) {
      return verified;
    }
    if (ready.size() > 1 && holds(ready, curve, true)) {
      for (Prepared p : ready) {
        verified[p.position] = true;
      }
      return verified;
    }
    for (Prepared p : ready) {
      verified[p.position] = holds(List.of(p), curve, false);
    }
    return verified;
  }

  /**
   * Whether one signature satisfies RFC 8032 §5.1.7's verification: the same answer {@link
   * #verify(List)} gives for it in any batch.
   */
  public static boolean verifyOne(Ed25519PublicKey key, byte[] message, byte[] signature) {
    Edwards25519 curve = new Edwards25519();
    Prepared prepared = prepare(new Signed(key, message, signature), 0, curve, sha512());
    return prepared != null && holds(List.of(prepared), curve, false);
  }

  /** A signature past the input checks: R decoded, S and k as numbers. */
  private record Prepared(
      int position, Ed25519PublicKey key, Point r, BigInteger s, BigInteger k) {}

  private static Prepared prepare(
      Signed signed, int position, Edwards25519 curve, MessageDigest sha512) {
    byte[] signature = signed.signature();
    if (signature == null || signature.length != Ed25519Signatures.SIGNATURE_LENGTH) {
      return null;
    }
    BigInteger s = littleEndian(signature, 32, 32);
    if (s.compareTo(L) >= 0) {
      return null;
    }
    Point r = new Point();
    if (!curve.decode(signature, 0, r)) {
      return null;
    }
    byte[] keyBytes = signed.key().bytesRef();
    sha512.update(signature, 0, 32);
    sha512.update(keyBytes);
    sha512.update(signed.message());
    BigInteger k = littleEndian(sha512.digest(), 0, 64).mod(L);
    return new Prepared(position, signed.key(), r, s, k);
  }

  /**
   * Whether the linear combination of {@code signatures}' equations holds, with random coefficients
   * if {@code randomise}, else all 1 (for one signature: its own equation).
   */
  private static boolean holds(List<Prepared> signatures, Edwards25519 curve, boolean randomise) {
    byte[] random = new byte[16 * signatures.size()];
    if (randomise) {
      RANDOM.nextBytes(random);
    }
    List<Term> terms = new ArrayList<>(signatures.size() + 2);
    BigInteger baseScalar = BigInteger.ZERO;
    Map<Ed25519PublicKey, BigInteger> keyScalars = new LinkedHashMap<>();
    for (int i = 0; i < signatures.size(); i++) {
      Prepared p = signatures.get(i);
      int[] z = new int[4];
      if (randomise) {
        for (int w = 0; w < 4; w++) {
          z[w] = littleEndianInt(random, 16 * i + 4 * w);
        }
        z[3] |= 0x80000000; // never 0, and every z the same length
      } else {
        z[0] = 1;
      }
      BigInteger zi = toBigInteger(z);
      baseScalar = baseScalar.add(zi.multiply(p.s));
      keyScalars.merge(p.key, zi.multiply(p.k), BigInteger::add);
      // With z = 1, R is subtracted once: no multiples needed.
      int multiples = randomise ? 1 << (WIDTH - 2) : 1;
      terms.add(new Term(curve.oddMultiples(p.r, multiples), wnaf(z, WIDTH, 128), true));
    }
    // Each 253-bit scalar x as x_low + 2^128 x_high against the point and 2^128 times it: the
    // doublings run over 128 bits, not 253.
    for (Map.Entry<Ed25519PublicKey, BigInteger> keyScalar : keyScalars.entrySet()) {
      Addend[][] tables = keyScalar.getKey().oddMultiples();
      BigInteger a = keyScalar.getValue().mod(L);
      terms.add(new Term(tables[0], wnaf(toInts(low(a)), WIDTH, SPLIT), true));
      terms.add(new Term(tables[1], wnaf(toInts(a.shiftRight(SPLIT)), WIDTH, SPLIT), true));
    }
    BigInteger b = baseScalar.mod(L);
    terms.add(new Term(BASE_TABLE, wnaf(toInts(low(b)), BASE_WIDTH, SPLIT), false));
    terms.add(
        new Term(BASE_HIGH_TABLE, wnaf(toInts(b.shiftRight(SPLIT)), BASE_WIDTH, SPLIT), false));

    int top = -1;
    for (Term term : terms) {
      top = Math.max(top, term.top());
    }
    Point sum = new Point();
    sum.setNeutral();
    for (int bit = top; bit >= 0; bit--) {
      curve.twice(sum);
      for (Term term : terms) {
        if (bit < term.digits.length) {
          int digit = term.digits[bit];
          if (digit > 0) {
            curve.add(sum, term.table[digit >>> 1], term.subtract);
          } else if (digit < 0) {
            curve.add(sum, term.table[(-digit) >>> 1], !term.subtract);
          }
        }
      }
    }
    curve.twice(sum);
    curve.twice(sum);
    curve.twice(sum);
    return curve.isNeutral(sum);
  }

  /** A point's odd multiples and the signed digits of its scalar; subtracted if so marked. */
  private record Term(Addend[] table, byte[] digits, boolean subtract) {
    int top() {
      for (int i = digits.length - 1; i >= 0; i--) {
        if (digits[i] != 0) {
          return i;
        }
      }
      return -1;
    }
  }

  /**
   * The width-{@code width} non-adjacent form of the non-negative number {@code n} (little-endian
   * 32-bit words) of at most {@code bits} bits: odd digits below 2^(width-1) in absolute value, at
   * least {@code width} positions apart, least significant first.
   */
  static byte[] wnaf(int[] n, int width, int bits) {
    for (int i = bits; i < 32 * n.length; i++) {
      if (bit(n, i) != 0) {
        throw new IllegalArgumentException("more than " + bits + " bits");
      }
    }
    byte[] digits = new byte[bits + width + 1];
    int modulus = 1 << width;
    int half = modulus >>> 1;
    int carry = 0;
    int i = 0;
    while (i < digits.length) {
      if (bit(n, i) == carry) {
        i++; // the digit here is 0 (a pending carry turns a 1 into 0 and carries on)
        continue;
      }
      int digit = window(n, i, width) + carry;
      carry = digit >= half ? 1 : 0;
      digits[i] = (byte) (digit - carry * modulus);
      i += width;
    }
    return digits; // a number below 2^bits leaves no carry past bits + width
  }

  private static int bit(int[] n, int i) {
    int word = i >>> 5;
    return word < n.length ? (n[word] >>> (i & 31)) & 1 : 0;
  }

  private static int window(int[] n, int i, int width) {
    int word = i >>> 5;
    long low = word < n.length ? n[word] & 0xffffffffL : 0;
    long high = word + 1 < n.length ? n[word + 1] & 0xffffffffL : 0;
    return (int) (((high << 32 | low) >>> (i & 31)) & ((1 << width) - 1));
  }

  private static BigInteger low(BigInteger x) {
    return x.and(BigInteger.ONE.shiftLeft(SPLIT).subtract(BigInteger.ONE));
  }

  private static BigInteger littleEndian(byte[] bytes, int offset, int length) {
    byte[] bigEndian = new byte[length];
    for (int i = 0; i < length; i++) {
      bigEndian[i] = bytes[offset + length - 1 - i];
    }
    return new BigInteger(1, bigEndian);
  }

  private static int littleEndianInt(byte[] bytes, int offset) {
    return (bytes[offset] & 0xff)
        | (bytes[offset + 1] & 0xff) << 8
        | (bytes[offset + 2] & 0xff) << 16
        | (bytes[offset + 3] & 0xff) << 24;
  }

  private static int[] toInts(BigInteger value) {
    int[] words = new int[8];
    for (int w = 0; w < 8; w++) {
      words[w] = value.shiftRight(32 * w).intValue();
    }
    return words;
  }

  private static BigInteger toBigInteger(int[] words) {
    BigInteger value = BigInteger.ZERO;
    for (int w = words.length - 1; w >= 0; w--) {
      value = value.shiftLeft(32).or(BigInteger.valueOf(words[w] & 0xffffffffL));
    }
    return value;
  }

  private static MessageDigest sha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is required of every Java platform", e);
    }
  }
}
