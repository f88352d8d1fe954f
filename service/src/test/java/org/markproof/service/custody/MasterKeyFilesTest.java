package org.markproof.service.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Master key files: the Secret's form is read, bad files are refused, demo keys are made once. */
class MasterKeyFilesTest {

  @Test
  void readsTheBase64OfThirtyTwoBytesWithSurroundingWhitespace(@TempDir Path dir)
      throws IOException {
    byte[] key = SeedCipherTest.randomBytes(32);
    Path file = dir.resolve("master.key");
    Files.writeString(file, "  " + Base64.getEncoder().encodeToString(key) + "\n\n");
    assertEquals(MasterKey.of(key), MasterKeyFiles.read(file));
  }

  @Test
  void refusesAKeyOfAnotherLengthWithoutEchoingIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("short.key");
    String text = Base64.getEncoder().encodeToString(SeedCipherTest.randomBytes(16));
    Files.writeString(file, text);
    IOException e = assertThrows(IOException.class, () -> MasterKeyFiles.read(file));
    assertTrue(e.getMessage().contains("16 bytes, expected 32"), e.getMessage());
    assertFalse(e.getMessage().contains(text), "the message must not echo key material");
  }

  @Test
  void refusesTextThatIsNotBase64(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.key");
    Files.writeString(file, "-----BEGIN PRIVATE KEY-----", StandardCharsets.US_ASCII);
    IOException e = assertThrows(IOException.class, () -> MasterKeyFiles.read(file));
    assertTrue(e.getMessage().contains("not base64"), e.getMessage());
  }

  @Test
  void createsADemoKeyOnceReadableByItsOwnerOnly(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("keys").resolve(MasterKeyFiles.DEMO_FILE);
    MasterKey created = MasterKeyFiles.readOrCreate(file, new SecureRandom());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    MasterKey again = MasterKeyFiles.readOrCreate(file, new SecureRandom());
    assertEquals(created, again);
    assertEquals(created, MasterKeyFiles.read(file));
  }
}
