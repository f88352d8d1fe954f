package org.markproof.contracts.label;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;

/**
 * A GS1 Digital Link URI as markproof prints it (GS1 Digital Link Standard: URI Syntax 1.2):
 *
 * <pre>
 * https://&lt;host&gt;[/prefix]/01/&lt;gtin14&gt;[/10/&lt;batch&gt;][/21/&lt;serial&gt;][?17=YYMMDD&amp;8030=&lt;sig&gt;]
 * </pre>
 *
 * <p>{@link DigitalLinkParser} documents what is accepted. The record holds decoded values; {@link
 * #toUri()} writes them back in the one canonical form (qualifiers in key order, values
 * percent-encoded by {@link UriPercentEncoding}, AI query parameters first, 17 before 8030, then
 * the non-AI parameters as they came).
 *
 * @param base scheme, host and optional path prefix, without a trailing slash, e.g. {@code
 *     https://id.example.com/p}
 * @param fields the GS1 data
 * @param otherParameters non-AI query parameters (such as {@code linkType=gs1:pip}), kept verbatim
 *     in their encoded form: neither interpreted nor signed
 */
public record DigitalLink(String base, Gs1Fields fields, List<String> otherParameters) {
  /** Longest URI accepted or produced, in characters. */
  public static final int MAX_LENGTH = 2048;

  public DigitalLink {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(fields, "fields");
    otherParameters = List.copyOf(otherParameters);
  }

  /**
   * Parses a Digital Link URI.
   *
   * @throws MalformedDataException if it is not one markproof accepts; the message names the part
   */
  public static DigitalLink parse(String uri) throws MalformedDataException {
    return DigitalLinkParser.parse(uri);
  }

  /**
   * Builds a link from a resolver base and fields, with no other parameters.
   *
   * @throws MalformedDataException if {@code base} is not an http(s) scheme and host with an
   *     optional path prefix, or the URI would exceed {@link #MAX_LENGTH}
   */
  public static DigitalLink of(String base, Gs1Fields fields) throws MalformedDataException {
    DigitalLink link = new DigitalLink(DigitalLinkParser.checkBase(base), fields, List.of());
    if (link.toUri().length() > MAX_LENGTH) {
      throw new MalformedDataException(
          "Digital Link: " + link.toUri().length() + " characters, at most " + MAX_LENGTH);
    }
    return link;
  }

  public Gtin gtin() {
    return fields.gtin();
  }

  public Optional<String> batch() {
    return fields.batch();
  }

  public Optional<String> serial() {
    return fields.serial();
  }

  public Optional<Gs1Date> expiry() {
    return fields.expiry();
  }

  /** AI (8030) as carried, base64url text. */
  public Optional<String> signature() {
    return fields.signature();
  }

  /**
   * The path of the key and its qualifiers, {@code /01/<gtin14>[/10/<batch>][/21/<serial>]}, with
   * values percent-encoded as in {@link #toUri()}. It names the item independently of the host,
   * which is why the label signature covers it and not the whole URI.
   */
  public String canonicalPath() {
    return canonicalPath(fields);
  }

  /** {@link #canonicalPath()} of bare fields. */
  public static String canonicalPath(Gs1Fields fields) {
    StringBuilder path = new StringBuilder(64).append("/01/").append(fields.gtin().digits());
    fields.batch().ifPresent(b -> path.append("/10/").append(UriPercentEncoding.encode(b)));
    fields.serial().ifPresent(s -> path.append("/21/").append(UriPercentEncoding.encode(s)));
    return path.toString();
  }

  /** The URI text in canonical form. */
  public String toUri() {
    StringBuilder uri = new StringBuilder(base.length() + 160).append(base).append(canonicalPath());
    char separator = '?';
    if (fields.expiry().isPresent()) {
      uri.append(separator).append("17=").append(fields.expiry().get().text());
      separator = '&';
    }
    if (fields.signature().isPresent()) {
      uri.append(separator)
          .append("8030=")
          .append(UriPercentEncoding.encode(fields.signature().get()));
      separator = '&';
    }
    for (String parameter : otherParameters) {
      uri.append(separator).append(parameter);
      separator = '&';
    }
    return uri.toString();
  }

  @Override
  public String toString() {
    return toUri();
  }
}
