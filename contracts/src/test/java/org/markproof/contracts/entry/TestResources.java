package org.markproof.contracts.entry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Reads the test data files under {@code src/test/resources}. */
public final class TestResources {
  private TestResources() {}

  /** The bytes of resource {@code name} (such as {@code entry/golden/batch.issued.hex}). */
  public static byte[] bytes(String name) {
    try (InputStream in = TestResources.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether resource {@code name} exists. */
  public static boolean exists(String name) {
    return TestResources.class.getClassLoader().getResource(name) != null;
  }

  /** The directory holding resource directory {@code name}, to list it. */
  public static Path directory(String name) {
    URL url = TestResources.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("missing test resource directory " + name);
    }
    try {
      Path path = Paths.get(url.toURI());
      if (!Files.isDirectory(path)) {
        throw new IllegalArgumentException(name + " is not a directory");
      }
      return path;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
