package org.markproof.service.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 key pair that signs and verifies access tokens (JWS {@code EdDSA}, RFC 8037), kept as
 * two PEM files: the private key as PKCS#8 {@code PRIVATE KEY} (owner-readable only) and the public
 * key as X.509 {@code PUBLIC KEY}, the form {@code mp.jwt.verify.publickey.location} reads.
 *
 * <p>Used where the service is its own token issuer (demo mode); in production tokens come from the
 * operator's identity provider and only its public key is configured.
 */
public record TokenKeyPair(PrivateKey signingKey, PublicKey verificationKey) {
  public static final String SIGNING_KEY_FILE = "token-signing-key.pem";
  public static final String VERIFICATION_KEY_FILE = "token-verification-key.pem";

  /**
   * Loads the pair kept in {@code directory}, or generates one with {@code random} and writes it
   * there when neither file exists.
   *
   * @throws IOException if only one of the two files exists, or they do not form a pair
   */
  public static TokenKeyPair loadOrCreate(Path directory, SecureRandom random) throws IOException {
    Path signing = directory.resolve(SIGNING_KEY_FILE);
    Path verification = directory.resolve(VERIFICATION_KEY_FILE);
    boolean hasSigning = Files.exists(signing);
    if (hasSigning != Files.exists(verification)) {
      throw new IOException(
          "token keys in "
              + directory
              + ": found only one of "
              + SIGNING_KEY_FILE
              + " and "
              + VERIFICATION_KEY_FILE
              + "; restore the other, or delete both to generate a new pair");
    }
    if (hasSigning) {
      TokenKeyPair pair =
          new TokenKeyPair(readSigningKey(signing), readVerificationKey(verification));
      pair.checkMatches(directory);
      return pair;
    }
    TokenKeyPair pair = generate(random);
    Files.createDirectories(directory);
    writeAtomically(verification, pem("PUBLIC KEY", pair.verificationKey.getEncoded()), false);
    writeAtomically(signing, pem("PRIVATE KEY", pair.signingKey.getEncoded()), true);
    return pair;
  }

  /** Generates a fresh pair. */
  public static TokenKeyPair generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, random);
      KeyPair pair = generator.generateKeyPair();
      return new TokenKeyPair(pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK provides Ed25519 since Java 15", e);
    }
  }

  /** Reads a PKCS#8 Ed25519 private key from a PEM file. */
  public static PrivateKey readSigningKey(Path pemFile) throws IOException {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePrivate(new PKCS8EncodedKeySpec(der(pemFile, "PRIVATE KEY")));
    } catch (GeneralSecurityException e) {
      throw new IOException(pemFile + ": not a PKCS#8 Ed25519 private key", e);
    }
  }

  /** Reads an X.509 SubjectPublicKeyInfo Ed25519 public key from a PEM file. */
  public static PublicKey readVerificationKey(Path pemFile) throws IOException {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(der(pemFile, "PUBLIC KEY")));
    } catch (GeneralSecurityException e) {
      throw new IOException(pemFile + ": not an X.509 Ed25519 public key", e);
    }
  }

  /** The PEM text (RFC 7468) of DER bytes under the given label. */
  public static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  private static byte[] der(Path pemFile, String label) throws IOException {
    String text = Files.readString(pemFile, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IOException(pemFile + ": expected a PEM block labelled " + label);
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new IOException(pemFile + ": the " + label + " block is not base64", e);
    }
  }

  private void checkMatches(Path directory) throws IOException {
    byte[] probe = "markproof token key pair check".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(signingKey);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(verificationKey);
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw new IOException(
            "token keys in " + directory + ": the public key does not belong to the private key");
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("token keys in " + directory + ": cannot sign and verify", e);
    }
  }

  /** Never prints key material. */
  @Override
  public String toString() {
    return "TokenKeyPair[Ed25519]";
  }

  private static void writeAtomically(Path target, String text, boolean secret) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    if (secret && temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(temp);
    }
    Files.writeString(temp, text, StandardCharsets.US_ASCII);
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw new IOException(target + " appeared while the token keys were being written", e);
    }
  }
}
