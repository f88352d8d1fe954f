package org.markproof.contracts.note;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Sha256;

/** Deterministic test keys and access to the vector files under src/test/resources. */
public final class TestKeys {
  private TestKeys() {}

  /** An Ed25519 key whose seed is SHA-256 of {@code label}. */
  public static Ed25519PrivateKey key(String label) {
    try {
      return Ed25519PrivateKey.fromSeed(Sha256.hash(label.getBytes(StandardCharsets.UTF_8)));
    } catch (MalformedDataException e) {
      throw new AssertionError(e);
    }
  }

  /** An Ed25519 note signer named {@code name} with the key of label {@code name}. */
  public static Ed25519NoteSigner signer(String name) {
    try {
      return Ed25519NoteSigner.of(name, key(name));
    } catch (MalformedDataException e) {
      throw new AssertionError(e);
    }
  }

  /** The bytes of a vector file, as stored. */
  public static byte[] bytes(String resource) {
    try (InputStream in = TestKeys.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new AssertionError("missing test resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A one-line vector file (a key) without its trailing newline. */
  public static String line(String resource) {
    String text = new String(bytes(resource), StandardCharsets.UTF_8);
    if (!text.endsWith("\n") || text.indexOf('\n') != text.length() - 1) {
      throw new AssertionError(resource + " is not one line ending in a newline");
    }
    return text.substring(0, text.length() - 1);
  }
}
