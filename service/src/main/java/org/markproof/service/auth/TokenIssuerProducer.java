package org.markproof.service.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes a {@link TokenIssuer} from configuration: the private key at {@code
 * markproof.auth.signing-key-location} (the launcher points it at the generated key in demo mode),
 * the issuer and audiences the verifier checks ({@code mp.jwt.verify.issuer}, {@code
 * mp.jwt.verify.audiences}) and {@code markproof.auth.token-lifetime}.
 *
 * <p>Produced on first injection, so a service without a signing key (production) starts; injecting
 * the issuer there fails with a message saying what to configure.
 */
@ApplicationScoped
public class TokenIssuerProducer {

  @Produces
  @Singleton
  TokenIssuer tokenIssuer(
      @ConfigProperty(name = "markproof.auth.signing-key-location") Optional<Path> signingKey,
      @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
      @ConfigProperty(name = "mp.jwt.verify.audiences") Set<String> audiences,
      @ConfigProperty(name = "markproof.auth.token-lifetime") Duration lifetime,
      Clock clock) {
    Path location =
        signingKey.orElseThrow(
            () ->
                new IllegalStateException(
                    "no token signing key: set markproof.auth.signing-key-location to a PKCS#8"
                        + " Ed25519 PEM file, or start with markproof.demo=true to generate one"));
    try {
      return new TokenIssuer(
          TokenKeyPair.readSigningKey(location), issuer, audiences, lifetime, clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
