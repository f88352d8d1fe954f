package org.markproof.service.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's token key pair: generated once, kept, and refused when the files disagree. */
class TokenKeyPairTest {
  @TempDir Path keys;

  @Test
  void generatesOnceThenLoadsTheSamePair() throws IOException {
    TokenKeyPair first = TokenKeyPair.loadOrCreate(keys, new SecureRandom());
    TokenKeyPair second = TokenKeyPair.loadOrCreate(keys, new SecureRandom());
    assertArrayEquals(first.signingKey().getEncoded(), second.signingKey().getEncoded());
    assertArrayEquals(first.verificationKey().getEncoded(), second.verificationKey().getEncoded());
  }

  @Test
  void writesPemFilesWithTheSigningKeyReadableByItsOwnerOnly() throws IOException {
    TokenKeyPair.loadOrCreate(keys, new SecureRandom());
    Path signing = keys.resolve(TokenKeyPair.SIGNING_KEY_FILE);
    Path verification = keys.resolve(TokenKeyPair.VERIFICATION_KEY_FILE);
    assertTrue(Files.readString(signing).startsWith("-----BEGIN PRIVATE KEY-----\n"));
    assertTrue(Files.readString(verification).startsWith("-----BEGIN PUBLIC KEY-----\n"));
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(signing)));
  }

  @Test
  void readsTheKeysOpensslWrites() throws IOException {
    Path resources = Path.of("src/test/resources/auth");
    assertEquals(
        "EdDSA",
        TokenKeyPair.readSigningKey(resources.resolve("test-token-signing-key.pem"))
            .getAlgorithm());
    assertEquals(
        "EdDSA",
        TokenKeyPair.readVerificationKey(resources.resolve("test-token-verification-key.pem"))
            .getAlgorithm());
  }

  @Test
  void refusesAPublicKeyThatIsNotThePrivateKeys() throws IOException {
    TokenKeyPair.loadOrCreate(keys, new SecureRandom());
    TokenKeyPair other = TokenKeyPair.generate(new SecureRandom());
    Files.writeString(
        keys.resolve(TokenKeyPair.VERIFICATION_KEY_FILE),
        TokenKeyPair.pem("PUBLIC KEY", other.verificationKey().getEncoded()));
    IOException e =
        assertThrows(IOException.class, () -> TokenKeyPair.loadOrCreate(keys, new SecureRandom()));
    assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
  }

  @Test
  void refusesToGuessWhenOnlyOneFileIsLeft() throws IOException {
    TokenKeyPair.loadOrCreate(keys, new SecureRandom());
    Files.delete(keys.resolve(TokenKeyPair.SIGNING_KEY_FILE));
    IOException e =
        assertThrows(IOException.class, () -> TokenKeyPair.loadOrCreate(keys, new SecureRandom()));
    assertTrue(e.getMessage().contains("found only one"), e.getMessage());
  }

  @Test
  void refusesAFileThatIsNotPem() throws IOException {
    Path file = keys.resolve("junk.pem");
    Files.writeString(file, "hello");
    assertThrows(IOException.class, () -> TokenKeyPair.readSigningKey(file));
  }

  @Test
  void neverPrintsKeyMaterial() {
    assertEquals("TokenKeyPair[Ed25519]", TokenKeyPair.generate(new SecureRandom()).toString());
  }
}
