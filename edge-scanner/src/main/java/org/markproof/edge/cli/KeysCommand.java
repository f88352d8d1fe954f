package org.markproof.edge.cli;

import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.note.Ed25519NoteSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Key generation in the text forms of c2sp.org/signed-note and Go's {@code note} package. */
@Command(
    name = "keys",
    description = "Generate signed-note keys.",
    mixinStandardHelpOptions = true,
    subcommands = {KeysCommand.Generate.class})
final class KeysCommand {

  @Command(
      name = "generate",
      description = {
        "Print a new Ed25519 signer key (PRIVATE+KEY+name+hexid+base64) on the first line",
        "and its verifier key (name+hexid+base64) on the second."
      },
      mixinStandardHelpOptions = true)
  static final class Generate implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--name",
        required = true,
        description = "Key name, usually the log's origin, e.g. log.example.org/markproof")
    String name;

    @Override
    public Integer call() throws MalformedDataException {
      Ed25519NoteSigner signer = Ed25519NoteSigner.generate(name, new SecureRandom());
      spec.commandLine().getOut().println(signer.signerKey().text());
      spec.commandLine().getOut().println(signer.verifier().verifierKey().text());
      return ExitCodes.VERIFIED;
    }
  }
}
