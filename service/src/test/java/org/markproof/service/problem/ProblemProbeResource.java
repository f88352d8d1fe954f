package org.markproof.service.problem;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Test-only endpoints (compiled with the tests, never shipped) that fail the ways real endpoints
 * will, so that the problem bodies can be checked before those endpoints exist.
 */
@Path("/test/probe")
public class ProblemProbeResource {

  /** A request DTO shaped like the service's: typed fields, a nested object, a list. */
  public record Order(String name, int count, boolean urgent, Address address, List<Line> lines) {}

  public record Address(String country) {}

  public record Line(String gtin, long quantity) {}

  @POST
  @Path("/echo")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Order echo(Order order) {
    if (order == null) {
      throw new BadRequestException("a JSON body is required");
    }
    return order;
  }

  @GET
  @Path("/text")
  @Produces(MediaType.TEXT_PLAIN)
  public String text() {
    return "plain";
  }

  @GET
  @Path("/boom-later")
  public Uni<String> boomLater() {
    return Uni.createFrom().failure(new IllegalStateException("java.lang.secret, later"));
  }

  @GET
  @Path("/boom")
  public String boom() {
    throw new IllegalStateException("java.lang.secret internal state: do not leak");
  }
}
