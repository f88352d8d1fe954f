package org.markproof.edge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.note.NoteVerifiers;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.note.VerifiedNote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Signed notes (c2sp.org/signed-note) of any application. */
@Command(
    name = "note",
    description = "Verify signed notes.",
    mixinStandardHelpOptions = true,
    subcommands = {NoteCommand.Verify.class})
final class NoteCommand {

  @Command(
      name = "verify",
      description = "Print the note's text when a signature by VKEY verifies (exit 0).",
      mixinStandardHelpOptions = true)
  static final class Verify implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--vkey", required = true, description = "Verifier key: name+hexid+base64")
    String vkey;

    @Parameters(paramLabel = "FILE", description = "The signed note ('-' for standard input)")
    Path file;

    @Override
    public Integer call() throws IOException, MalformedDataException, VerificationException {
      NoteVerifiers known = NoteVerifiers.of(Ed25519NoteVerifier.parse(vkey));
      VerifiedNote note = SignedNote.open(InputFiles.read(file, SignedNote.MAX_NOTE_BYTES), known);
      spec.commandLine().getOut().print(note.text());
      return ExitCodes.VERIFIED;
    }
  }
}
