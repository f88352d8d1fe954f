package org.markproof.contracts.problem;

/**
 * The stable codes of markproof's RFC 9457 problems, answered alike by the service and by a border
 * post's LAN endpoint ({@code edge-scanner serve}). A code never changes meaning; clients branch on
 * it (or on the {@code type} URI made from it), never on {@code title} or {@code detail}.
 */
public enum ProblemCode {
  MALFORMED_JSON(400, "Malformed JSON"),
  INVALID_FIELD(400, "Invalid field"),
  UNKNOWN_FIELD(400, "Unknown field"),
  BAD_REQUEST(400, "Bad request"),
  UNAUTHENTICATED(401, "Authentication required"),
  FORBIDDEN(403, "Forbidden"),
  NOT_FOUND(404, "Not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  CONFLICT(409, "Conflict"),
  BODY_TOO_LARGE(413, "Request body too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  TOO_MANY_REQUESTS(429, "Too many requests"),
  RULE_VIOLATIONS(422, "Rule violations"),
  INTERNAL_ERROR(500, "Internal error"),
  SERVICE_UNAVAILABLE(503, "Service unavailable"),
  CUSTODIAL_KEY_MISSING(409, "No custodial key"),
  LABEL_KEY_SELF_HELD(409, "Label key held by the issuer"),
  LOG_READ_ONLY(503, "Log is read-only");

  /** Where the problem types are named; each code's page is this plus the code. */
  public static final String TYPE_BASE = "https://markproof.dev/problems/";

  private final int status;
  private final String title;

  ProblemCode(int status, String title) {
    this.status = status;
    this.title = title;
  }

  /** The code as clients see it: lower case, words joined by '-'. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The RFC 9457 §3.1.1 {@code type}. */
  public String type() {
    return TYPE_BASE + code();
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The general code for an HTTP status, where nothing more specific is known. */
  public static ProblemCode forStatus(int status) {
    return switch (status) {
      case 401 -> UNAUTHENTICATED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 409 -> CONFLICT;
      case 413 -> BODY_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 422 -> RULE_VIOLATIONS;
      case 429 -> TOO_MANY_REQUESTS;
      case 503 -> SERVICE_UNAVAILABLE;
      default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    };
  }
}
