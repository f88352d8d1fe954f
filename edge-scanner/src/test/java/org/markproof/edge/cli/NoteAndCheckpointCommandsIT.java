package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code note verify} and {@code log verify-checkpoint} on notes of other logs and tools. */
class NoteAndCheckpointCommandsIT {
  @TempDir Path dir;

  @Test
  void verifiesARealGoChecksumDatabaseCheckpoint() throws Exception {
    JarRun run =
        JarRun.of(
            "log",
            "verify-checkpoint",
            "--vkey",
            TestData.text("checkpoint/sum.golang.org.vkey"),
            TestData.path("checkpoint/sumdb-6476701.note").toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(
        "go.sum database tree 6476701 mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=\n", run.out());
  }

  @Test
  void requiredOriginThatDiffersFailsVerification() throws Exception {
    JarRun run =
        JarRun.of(
            "log",
            "verify-checkpoint",
            "--origin",
            "sum.golang.org",
            "--vkey",
            TestData.text("checkpoint/sum.golang.org.vkey"),
            TestData.path("checkpoint/sumdb-6476701.note").toString());
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("go.sum database tree"), run::toString);
  }

  @Test
  void checkpointWithATamperedSizeFailsVerification() throws Exception {
    String note = Files.readString(TestData.path("checkpoint/sumdb-6476701.note"));
    Path tampered = dir.resolve("tampered.note");
    Files.writeString(tampered, note.replace("\n6476701\n", "\n6476702\n"));
    JarRun run =
        JarRun.of(
            "log",
            "verify-checkpoint",
            "--vkey",
            TestData.text("checkpoint/sum.golang.org.vkey"),
            tampered.toString());
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("verification failed"), run::toString);
  }

  @Test
  void checkpointSignedByAnotherKeyFailsVerification() throws Exception {
    JarRun run =
        JarRun.of(
            "log",
            "verify-checkpoint",
            "--vkey",
            TestData.text("note/go-peterneumann.vkey"),
            TestData.path("checkpoint/sumdb-6476701.note").toString());
    assertEquals(1, run.exitCode(), run::toString);
  }

  @Test
  void verifiesGoNotePackageExample() throws Exception {
    JarRun run =
        JarRun.of(
            "note",
            "verify",
            "--vkey",
            TestData.text("note/go-peterneumann.vkey"),
            TestData.path("note/go-peterneumann.note").toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(
        "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n",
        run.out());
  }

  @Test
  void noteWithAFlippedSignatureByteFailsVerification() throws Exception {
    String note = Files.readString(TestData.path("note/go-peterneumann.note"));
    int sigStart = note.lastIndexOf(' ') + 8;
    char c = note.charAt(sigStart);
    String flipped =
        note.substring(0, sigStart) + (c == 'A' ? 'B' : 'A') + note.substring(sigStart + 1);
    Path file = dir.resolve("flipped.note");
    Files.writeString(file, flipped, StandardCharsets.UTF_8);
    JarRun run =
        JarRun.of(
            "note",
            "verify",
            "--vkey",
            TestData.text("note/go-peterneumann.vkey"),
            file.toString());
    assertEquals(1, run.exitCode(), run::toString);
  }

  @Test
  void notANoteIsBadInput() throws Exception {
    Path file = dir.resolve("garbage.note");
    Files.writeString(file, "hello\nno blank line and no signature\n");
    JarRun run =
        JarRun.of(
            "note",
            "verify",
            "--vkey",
            TestData.text("note/go-peterneumann.vkey"),
            file.toString());
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("malformed"), run::toString);
  }

  @Test
  void malformedVerifierKeyIsBadInput() throws Exception {
    JarRun run =
        JarRun.of(
            "note",
            "verify",
            "--vkey",
            "PeterNeumann+c74f20a3+AAAA",
            TestData.path("note/go-peterneumann.note").toString());
    assertEquals(2, run.exitCode(), run::toString);
  }

  @Test
  void missingFileIsBadInput() throws Exception {
    JarRun run =
        JarRun.of(
            "note",
            "verify",
            "--vkey",
            TestData.text("note/go-peterneumann.vkey"),
            dir.resolve("absent.note").toString());
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("no such file"), run::toString);
  }

  @Test
  void generatedKeysSignAndVerifyThroughTheJar() throws Exception {
    JarRun keys = JarRun.of("keys", "generate", "--name", "example.org/log");
    assertEquals(0, keys.exitCode(), keys::toString);
    String[] lines = keys.out().split("\n");
    assertEquals(2, lines.length, keys::toString);
    assertTrue(lines[0].startsWith("PRIVATE+KEY+example.org/log+"), lines[0]);
    assertTrue(lines[1].startsWith("example.org/log+"), lines[1]);

    Path note = dir.resolve("checkpoint.note");
    Files.writeString(note, SignedNotes.checkpoint(lines[0], "example.org/log", 42));
    JarRun run = JarRun.of("log", "verify-checkpoint", "--vkey", lines[1], note.toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().startsWith("example.org/log 42 "), run::toString);
  }
}
