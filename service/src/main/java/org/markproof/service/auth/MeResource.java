package org.markproof.service.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Tells a caller who the service takes it for: the first thing to try with a new token. */
@Path("/v1/me")
@RolesAllowed({Groups.REGISTRAR, Groups.BRAND_OWNER, Groups.CUSTOMS, Groups.OPERATOR})
@SecurityRequirement(name = "bearer")
public class MeResource {

  /**
   * @param subject the token's {@code sub}: the participant id
   * @param groups the token's groups the service recognises, sorted
   * @param office the {@code office} claim (a registrar's WIPO ST.3 code), if any
   * @param post the {@code post} claim (a customs officer's border post), if any
   */
  public record Me(String subject, List<String> groups, String office, String post) {}

  @Inject JsonWebToken token;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Me me() {
    List<String> groups = token.getGroups().stream().filter(Groups.ALL::contains).sorted().toList();
    return new Me(token.getSubject(), groups, text("office"), text("post"));
  }

  private String text(String claim) {
    Optional<Object> value = token.claim(claim);
    return value
        .map(v -> v instanceof JsonString s ? s.getString() : v instanceof String s ? s : null)
        .orElse(null);
  }
}
