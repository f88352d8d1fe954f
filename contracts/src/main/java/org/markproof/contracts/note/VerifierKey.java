package org.markproof.contracts.note;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Sha256;

/**
 * The text form of a note verifier key, {@code <name>+<hex key id>+<base64(type ‖ public key)>}, as
 * in Go's {@code golang.org/x/mod/sumdb/note} and c2sp.org/signed-note §Verifier keys.
 *
 * <p>Only the two Ed25519 signature types are accepted: {@link #TYPE_ED25519} for note and
 * checkpoint signatures, and {@link #TYPE_COSIGNATURE} for c2sp.org/tlog-cosignature. Every
 * instance is consistent: its key id is the one {@link #keyIdOf} computes.
 *
 * @param name the key name (c2sp.org/signed-note §Format)
 * @param keyId the 32-bit key id, {@code SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4]} big-endian
 * @param type the signature type byte
 * @param publicKey the 32-byte Ed25519 public key
 */
public record VerifierKey(String name, int keyId, byte type, byte[] publicKey) {
  /** Signature type of plain Ed25519 note signatures (c2sp.org/signed-note §Signature types). */
  public static final byte TYPE_ED25519 = 0x01;

  /** Signature type of timestamped Ed25519 cosignatures (c2sp.org/tlog-cosignature). */
  public static final byte TYPE_COSIGNATURE = 0x04;

  /** Longest verifier key text accepted; real ones are under 200 characters. */
  public static final int MAX_TEXT_LENGTH = 1024;

  private static final int KEY_LENGTH = 32;

  /** Checks consistency; callers with untrusted input use {@link #parse} or {@link #of}. */
  public VerifierKey {
    if (!NoteText.isValidKeyName(name)) {
      throw new IllegalArgumentException("invalid key name: " + name);
    }
    if (!isSupported(type) || publicKey == null || publicKey.length != KEY_LENGTH) {
      throw new IllegalArgumentException("unsupported key type or length");
    }
    publicKey = publicKey.clone();
    if (keyId != keyIdOf(name, type, publicKey)) {
      throw new IllegalArgumentException("key id does not match name, type and key");
    }
  }

  /**
   * Builds the key of {@code name}, {@code type} and {@code publicKey}, computing its key id.
   *
   * @throws MalformedDataException if the name, the type or the key length is not acceptable
   */
  public static VerifierKey of(String name, byte type, byte[] publicKey)
      throws MalformedDataException {
    NoteText.requireValidKeyName(name, "verifier key");
    requireSupported(type, publicKey, "verifier key");
    return new VerifierKey(name, keyIdOf(name, type, publicKey), type, publicKey);
  }

  /**
   * Parses the text form strictly: valid name, exactly eight hex digits, canonical base64, a
   * supported type with a 32-byte key, and a key id equal to the computed one.
   *
   * @throws MalformedDataException naming the part that is wrong
   */
  public static VerifierKey parse(String text) throws MalformedDataException {
    if (text == null || text.length() > MAX_TEXT_LENGTH) {
      throw new MalformedDataException(
          "verifier key: missing or longer than " + MAX_TEXT_LENGTH + " characters");
    }
    int plus1 = text.indexOf('+');
    int plus2 = plus1 < 0 ? -1 : text.indexOf('+', plus1 + 1);
    if (plus2 < 0) {
      throw new MalformedDataException("verifier key: expected <name>+<hex id>+<base64 key>");
    }
    String name = text.substring(0, plus1);
    NoteText.requireValidKeyName(name, "verifier key");
    int declaredId = parseKeyId(text.substring(plus1 + 1, plus2), "verifier key");
    byte[] typed = CanonicalBase64.decode(text.substring(plus2 + 1), "verifier key");
    if (typed.length == 0) {
      throw new MalformedDataException("verifier key: key data is empty");
    }
    byte[] key = Arrays.copyOfRange(typed, 1, typed.length);
    requireSupported(typed[0], key, "verifier key");
    return checked(name, declaredId, typed[0], key, "verifier key");
  }

  /** Returns the text form, with the key id as eight lowercase hex digits. */
  public String text() {
    byte[] typed = new byte[1 + publicKey.length];
    typed[0] = type;
    System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
    return name + "+" + hexKeyId(keyId) + "+" + CanonicalBase64.encode(typed);
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Computes {@code SHA-256(name ‖ 0x0A ‖ type ‖ publicKey)[:4]} as a big-endian integer. */
  public static int keyIdOf(String name, byte type, byte[] publicKey) {
    byte[] hash =
        Sha256.hash(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', type}, publicKey);
    return ((hash[0] & 0xff) << 24)
        | ((hash[1] & 0xff) << 16)
        | ((hash[2] & 0xff) << 8)
        | (hash[3] & 0xff);
  }

  /** Formats a key id as eight lowercase hex digits, as Go's {@code %08x}. */
  public static String hexKeyId(int keyId) {
    return HexFormat.of().toHexDigits(keyId);
  }

  static int parseKeyId(String hex, String what) throws MalformedDataException {
    if (hex.length() != 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
      throw new MalformedDataException(what + ": key id \"" + hex + "\" is not 8 hex digits");
    }
    return (int) Long.parseLong(hex, 16);
  }

  static VerifierKey checked(String name, int declaredId, byte type, byte[] key, String what)
      throws MalformedDataException {
    int computed = keyIdOf(name, type, key);
    if (computed != declaredId) {
      throw new MalformedDataException(
          what
              + ": key id "
              + hexKeyId(declaredId)
              + " does not match the id computed from name, type and key, "
              + hexKeyId(computed));
    }
    return new VerifierKey(name, computed, type, key);
  }

  static void requireSupported(byte type, byte[] key, String what) throws MalformedDataException {
    if (!isSupported(type)) {
      throw new MalformedDataException(
          what + ": signature type 0x" + HexFormat.of().toHexDigits(type) + " is not supported");
    }
    if (key == null || key.length != KEY_LENGTH) {
      throw new MalformedDataException(
          what
              + ": Ed25519 key of "
              + (key == null ? 0 : key.length)
              + " bytes, expected "
              + KEY_LENGTH);
    }
  }

  private static boolean isSupported(byte type) {
    return type == TYPE_ED25519 || type == TYPE_COSIGNATURE;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifierKey k
        && keyId == k.keyId
        && type == k.type
        && name.equals(k.name)
        && Arrays.equals(publicKey, k.publicKey);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + keyId;
  }

  @Override
  public String toString() {
    return text();
  }
}
