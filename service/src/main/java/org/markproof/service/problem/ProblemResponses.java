package org.markproof.service.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/** Turns {@link Problem}s into HTTP answers: {@code application/problem+json}, RFC 9457 §3. */
@ApplicationScoped
public class ProblemResponses {
  public static final String MEDIA_TYPE = "application/problem+json";

  private static final int MAX_ECHO = 200;

  private final ObjectMapper mapper;

  ProblemResponses(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The problem's JSON text. */
  public String json(Problem problem) {
    try {
      return mapper.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      // A record of strings and numbers always serialises; reaching this is a programming error.
      throw new IllegalStateException("cannot serialise a problem body", e);
    }
  }

  /** A JAX-RS response carrying the problem, with its status. */
  public Response response(Problem problem) {
    return Response.status(problem.status()).type(MEDIA_TYPE).entity(json(problem)).build();
  }

  /** Client-supplied text (a header value, a method) cut to a length fit for a detail message. */
  static String echo(String text) {
    if (text == null) {
      return "(none)";
    }
    return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "…";
  }
}
