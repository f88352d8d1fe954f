package org.markproof.service.custody;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.markproof.service.auth.Groups;

/**
 * Completes a custody master key rotation: after the new key is configured as {@code
 * markproof.custody.master-key-file} and the old one listed in {@code
 * markproof.custody.previous-master-key-files}, an operator calls this to re-encrypt every held key
 * under the new one ({@link KeyVault#reencryptAll()}); once it reports nothing unopenable, the old
 * key can be dropped from configuration. docs/operations.md describes the whole procedure.
 */
@Path("/v1/custody/master-key/reencryption")
@RolesAllowed(Groups.OPERATOR)
@SecurityRequirement(name = "bearer")
public class MasterKeyRotationResource {
  private final CustodialKeys keys;

  MasterKeyRotationResource(CustodialKeys keys) {
    this.keys = keys;
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Rotation> reencrypt() {
    return keys.reencryptAll();
  }
}
