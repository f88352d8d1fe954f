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
 * Completes a custody master key rotation. The procedure: put the new key's file (base64 of 32
 * random bytes) in {@code markproof.custody.master-key-file} and the old one in {@code
 * markproof.custody.previous-master-key-files}, restart the replicas (new keys are sealed under the
 * new master key from then on, old ones still open), then an operator calls this to re-encrypt
 * every held key under the new one ({@link KeyVault#reencryptAll()}). When the answer lists nothing
 * {@code unopenable} and names the new key's id, the old key can be removed from configuration (and
 * destroyed). Safe to call again, and on several replicas at once.
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
