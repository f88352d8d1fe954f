package org.markproof.service.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.entry.StatementCodec;
import org.markproof.contracts.entry.StatementKind;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.service.problem.Problem;

/**
 * Builds statements from the plain JSON of the custodial endpoints. A body holds the statement's
 * own fields, named as in the statement JSON of contracts' {@link StatementCodec}; the service adds
 * {@code type}, {@code kind}, the {@code submitter} (the token's subject) and any field the URL
 * carries (the trademark of {@code /v1/trademarks/{office}/{number}/…}), then parses the whole with
 * {@link StatementCodec#parse}, so that a body is held to exactly the rules of a signed entry:
 * unknown and missing fields, wrong types and bounds are refused naming the field.
 */
@ApplicationScoped
public class StatementBodies {
  private static final List<String> SET_BY_SERVICE = List.of("type", "kind", "submitter");

  private final ObjectMapper mapper;

  StatementBodies(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Reads a request body as one JSON object (strict: no duplicate keys, no trailing content).
   *
   * @throws SubmissionProblem 400 if it is not one, 413 if it is larger than an entry may be
   */
  public ObjectNode object(byte[] body) {
    JsonNode node;
    try {
      node = mapper.readTree(RequestChecks.body(body));
    } catch (JsonProcessingException e) {
      // ProblemMappers explains Jackson's failures (malformed JSON, trailing content …).
      throw new WebApplicationException(e, 400);
    } catch (IOException e) {
      throw new SubmissionProblem(ProblemCode.MALFORMED_JSON, "the body cannot be read as JSON");
    }
    if (node == null || !node.isObject()) {
      throw new SubmissionProblem(ProblemCode.MALFORMED_JSON, "the body must be one JSON object");
    }
    return (ObjectNode) node;
  }

  /**
   * The statement of {@code kind} by {@code submitter} with the fields of {@code body} and {@code
   * fromUrl}.
   *
   * @throws SubmissionProblem 400 naming the field at fault (pointers relative to the body)
   */
  public Statement statement(
      StatementKind kind, String submitter, ObjectNode body, Map<String, JsonNode> fromUrl) {
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (SET_BY_SERVICE.contains(name) || fromUrl.containsKey(name)) {
        throw new SubmissionProblem(
            ProblemCode.UNKNOWN_FIELD,
            "unknown field /" + name,
            List.of(
                new Problem.Violation(
                    "unknown-field",
                    "/" + name,
                    "set by the service from the "
                        + (fromUrl.containsKey(name) ? "URL" : "token and the endpoint"))),
            null);
      }
    }
    ObjectNode statement = mapper.createObjectNode();
    statement.put("type", Statement.TYPE);
    statement.put("kind", kind.wireName());
    statement.put("submitter", submitter);
    fromUrl.forEach(statement::set);
    statement.setAll(body);
    try {
      return StatementCodec.parse(mapper.writeValueAsBytes(statement));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    } catch (MalformedDataException e) {
      if (e.getMessage().startsWith("statement.submitter:")) {
        throw new SubmissionProblem(
            ProblemCode.FORBIDDEN, "the token's subject is not a valid participant id");
      }
      throw EntryRefusals.malformed(e, true);
    }
  }
}
