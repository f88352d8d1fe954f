package org.markproof.edge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.markproof.contracts.MalformedDataException;
import org.markproof.edge.serve.PostTokens;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.PostProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code token issue | revoke}: the post's own handheld tokens for {@code serve}. */
@Command(
    name = "token",
    description = "The post's own bearer tokens for its handhelds at 'serve' (docs/edge.md).",
    mixinStandardHelpOptions = true,
    subcommands = {TokenCommand.Issue.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "issue",
      description = {
        "Print a JWT for one handheld, signed by the post's token key (EdDSA; made once",
        "beside the store): iss and aud the post, sub the handheld, group customs.",
        "'serve' accepts it until it expires or the handheld is revoked."
      },
      mixinStandardHelpOptions = true)
  static final class Issue implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin StoreOption store;

    @Mixin PostOptions post;

    @Option(names = "--handheld", required = true, paramLabel = "ID", description = "Its id")
    String handheld;

    @Option(
        names = "--ttl",
        paramLabel = "DURATION",
        converter = Durations.class,
        defaultValue = "12h",
        description = "How long the token is valid (default ${DEFAULT-VALUE})")
    Duration ttl;

    @Option(
        names = "--token-key-file",
        paramLabel = "FILE",
        description = "The post's token key (default: <store>.token.key, made once)")
    Path tokenKeyFile;

    @Override
    public Integer call() throws IOException, MalformedDataException {
      try (EdgeStore edge = store.open(false)) {
        PostProfile at = post.resolve(edge);
        Path file = tokenKeyFile != null ? tokenKeyFile : PostTokens.keyBesideStore(edge.file());
        String token =
            PostTokens.issue(
                PostTokens.key(file, at.postId(), new SecureRandom()),
                at.postId(),
                handheld,
                ttl,
                Instant.now(),
                Optional.ofNullable(PostTokens.revoked(edge).get(handheld)));
        spec.commandLine().getOut().println(token);
        spec.commandLine().getOut().flush();
      }
      return ExitCodes.VERIFIED;
    }
  }

  @Command(
      name = "revoke",
      description = {
        "Refuse every token of one handheld issued until now, at 'serve' within 10 s.",
        "To refuse every post token at once, delete the token key file and restart 'serve'."
      },
      mixinStandardHelpOptions = true)
  static final class Revoke implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin StoreOption store;

    @Option(names = "--handheld", required = true, paramLabel = "ID", description = "Its id")
    String handheld;

    @Override
    public Integer call() throws IOException, MalformedDataException {
      try (EdgeStore edge = store.open(false)) {
        Instant now = Instant.now();
        PostTokens.revoke(edge, handheld, now);
        spec.commandLine()
            .getOut()
            .println("revoked the tokens of handheld " + handheld + " issued until " + now);
        spec.commandLine().getOut().flush();
      }
      return ExitCodes.VERIFIED;
    }
  }
}
