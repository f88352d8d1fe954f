package org.markproof.service.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service killed without its shutdown hooks (kill -9) leaves its PostgreSQL running; the next
 * start must stop that orphan and come up on the same data.
 */
class KilledOwnerTest {
  @TempDir Path dataDir;

  /**
   * Run in a child JVM: starts the database, commits a row, says READY, then waits to be killed.
   */
  public static void main(String[] args) throws Exception {
    EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), Path.of(args[1]));
    EmbeddedDatabaseTest.execute(database, "CREATE TABLE survivor (text text)");
    EmbeddedDatabaseTest.execute(database, "INSERT INTO survivor VALUES ('committed before kill')");
    System.out.println("READY");
    System.out.flush();
    Thread.currentThread().join();
  }

  @Test
  void startsAfterTheOwnerWasKilledAndKeepsItsCommittedRows() throws Exception {
    Path cluster = dataDir.resolve("postgres");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process owner =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    KilledOwnerTest.class.getName(),
                    cluster.toString(),
                    EmbeddedDatabaseTest.BINARIES.toString()))
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean ready = false;
      while (!ready && (line = out.readLine()) != null) {
        ready = line.equals("READY");
      }
      assertTrue(ready, "the child JVM never reported READY");
      owner.destroyForcibly();
      assertTrue(owner.waitFor(30, TimeUnit.SECONDS), "the child JVM did not die");
    }

    try (EmbeddedDatabase restarted =
        EmbeddedDatabase.start(cluster, EmbeddedDatabaseTest.BINARIES)) {
      assertEquals(
          "committed before kill",
          EmbeddedDatabaseTest.queryOne(restarted, "SELECT text FROM survivor"));
    }
  }
}
