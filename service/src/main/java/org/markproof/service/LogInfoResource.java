package org.markproof.service;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Names the service and its protocol version; the ledger endpoints arrive with the sequencer. */
@Path("/v1/info")
public class LogInfoResource {

  /** The service description a client reads before it talks to the log. */
  public record Info(String name, String protocol) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Info info() {
    return new Info("markproof", "markproof/v1");
  }
}
