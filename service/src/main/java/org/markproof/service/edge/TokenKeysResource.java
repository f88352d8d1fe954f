package org.markproof.service.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519Jwk;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.service.submission.SubmissionProblem;

/**
 * {@code GET /v1/edge/token-keys} (docs/edge.md "Tokens at the post"): the keys this service
 * verifies access tokens with, as a JWK Set (RFC 7517 §5, Ed25519 keys per RFC 8037), with the
 * {@code issuer} and {@code audiences} it requires and the one algorithm it accepts, so that a
 * border post can check the same customs tokens while its uplink is down ({@code edge-scanner
 * token-keys fetch}, {@code serve --server}). Public: these are public keys.
 *
 * <p>Read from the service's own SmallRye JWT configuration ({@link TokenVerificationKeys}); a
 * configuration the post cannot use (another algorithm, keys at an identity provider's URL) is a
 * 503 problem saying why.
 */
@Path("/v1/edge/token-keys")
public class TokenKeysResource {
  @ConfigProperty(name = "mp.jwt.verify.publickey")
  Optional<String> inline;

  @ConfigProperty(name = "mp.jwt.verify.publickey.location")
  Optional<String> location;

  @ConfigProperty(name = "mp.jwt.verify.publickey.algorithm", defaultValue = "RS256")
  String algorithm;

  @ConfigProperty(name = "mp.jwt.verify.issuer")
  String issuer;

  @ConfigProperty(name = "mp.jwt.verify.audiences")
  Optional<Set<String>> audiences;

  @Inject ObjectMapper mapper;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  public Response keys() {
    if (!algorithm.toLowerCase(Locale.ROOT).equals("eddsa")) {
      throw unusable(
          "this service verifies "
              + algorithm
              + " tokens; border posts verify EdDSA (Ed25519) tokens only");
    }
    if (audiences.isEmpty() || audiences.get().isEmpty()) {
      throw unusable("no token audience is configured (mp.jwt.verify.audiences)");
    }
    List<Ed25519Jwk> keys;
    try {
      keys = TokenVerificationKeys.read(inline, location);
    } catch (MalformedDataException e) {
      throw unusable(e.getMessage());
    }
    ObjectNode answer = mapper.createObjectNode();
    ArrayNode list = answer.putArray("keys");
    keys.forEach(k -> list.add(k.json()));
    answer.put("issuer", issuer);
    ArrayNode audience = answer.putArray("audiences");
    new TreeSet<>(audiences.get()).forEach(audience::add);
    answer.putArray("algorithms").add("EdDSA");
    return Response.ok(answer)
        .type(MediaType.APPLICATION_JSON)
        .header("Cache-Control", "public, max-age=300")
        .build();
  }

  private static SubmissionProblem unusable(String detail) {
    return new SubmissionProblem(
        ProblemCode.SERVICE_UNAVAILABLE,
        detail,
        List.of(),
        "border posts verify customs tokens with post-local keys meanwhile"
            + " (edge-scanner token issue)");
  }
}
