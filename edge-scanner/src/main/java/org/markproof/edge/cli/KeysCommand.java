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
    subcommands = {KeysCommand.Generate.class, KeysCommand.Verdict.class})
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

  @Command(
      name = "verdict",
      description = {
        "Print the verifier key (name+hexid+base64) of the post's verdict key, which",
        "signs offline verdicts: what an auditor gives 'evidence verify --verdict-key'.",
        "Made once if missing (<store>.verdict.key unless --verdict-key-file)."
      },
      mixinStandardHelpOptions = true)
  static final class Verdict implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin StoreOption store;

    @Option(
        names = "--verdict-key-file",
        paramLabel = "FILE",
        description = "The post's verdict signer key (default: <store>.verdict.key)")
    java.nio.file.Path verdictKeyFile;

    @Override
    public Integer call() throws java.io.IOException, MalformedDataException {
      java.nio.file.Path file =
          verdictKeyFile != null
              ? verdictKeyFile
              : org.markproof.edge.scan.VerdictKeyFile.besideStore(store.file);
      String post;
      try (org.markproof.edge.store.EdgeStore edge = store.open(false)) {
        post = edge.post().map(p -> p.postId()).orElse("post");
      }
      Ed25519NoteSigner signer =
          org.markproof.edge.scan.VerdictKeyFile.readOrGenerate(file, post, new SecureRandom());
      spec.commandLine().getOut().println(signer.verifier().verifierKey().text());
      return ExitCodes.VERIFIED;
    }
  }
}
