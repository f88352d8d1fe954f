package org.markproof.edge.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519Jwk;
import org.markproof.edge.serve.ServiceTokenKeys;
import org.markproof.edge.store.EdgeStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code token-keys fetch}: the service's token keys, kept in the store for {@code serve}. */
@Command(
    name = "token-keys",
    description = "The service's token verification keys kept at the post (docs/edge.md).",
    mixinStandardHelpOptions = true,
    subcommands = {TokenKeysCommand.Fetch.class})
final class TokenKeysCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "fetch",
      description = {
        "Fetch GET /v1/edge/token-keys from the service and keep the keys, issuer and",
        "audiences in the store, replacing those kept before: 'serve' then checks the",
        "service's customs tokens offline. Exit 2 when the service is unreachable."
      },
      mixinStandardHelpOptions = true)
  static final class Fetch implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin StoreOption store;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "The service")
    String server;

    @Override
    public Integer call() throws IOException, MalformedDataException {
      ServiceTokenKeys keys = ServiceTokenKeys.fetch(server);
      try (EdgeStore edge = store.open(false)) {
        keys.save(edge);
      }
      for (Ed25519Jwk k : keys.keys()) {
        spec.commandLine()
            .getOut()
            .println(
                "kept key "
                    + k.kid().orElse(Ed25519Jwk.thumbprint(k.key()))
                    + " of issuer "
                    + keys.issuer()
                    + " for audiences "
                    + keys.audiences());
      }
      spec.commandLine().getOut().flush();
      return ExitCodes.VERIFIED;
    }
  }
}
