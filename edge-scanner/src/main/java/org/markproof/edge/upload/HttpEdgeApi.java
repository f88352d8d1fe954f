package org.markproof.edge.upload;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.markproof.contracts.MalformedDataException;

/** {@link EdgeApi} over HTTP with a bearer token, by the JDK's HTTP client. */
public final class HttpEdgeApi implements EdgeApi {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Judging and storing 1,000 scans takes the service a while; it answers 503 after 30 s. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

  private final URI base;
  private final String token;
  private final HttpClient http;

  private HttpEdgeApi(URI base, String token) {
    this.base = base;
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /**
   * The service at {@code url} ({@code http} or {@code https}), called with {@code token}.
   *
   * @throws MalformedDataException if the URL is not an absolute http(s) URL or the token is empty
   *     or spans lines
   */
  public static HttpEdgeApi of(String url, String token) throws MalformedDataException {
    URI uri = baseUri(url);
    if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
      throw new MalformedDataException("--token: empty or not one line of printable ASCII");
    }
    return new HttpEdgeApi(uri, token);
  }

  /**
   * The service's base URL {@code url} with a trailing slash, to resolve API paths against.
   *
   * @throws MalformedDataException if it is not an absolute http(s) URL
   */
  public static URI baseUri(String url) throws MalformedDataException {
    URI uri;
    try {
      uri = new URI(url.endsWith("/") ? url : url + "/");
    } catch (URISyntaxException e) {
      throw new MalformedDataException("--server " + url + ": not a URL: " + e.getMessage());
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new MalformedDataException("--server " + url + ": expected http(s)://host[:port]");
    }
    return uri;
  }

  /** An answer's body cut to a length fit for a message, as UTF-8 text. */
  public static String brief(byte[] body) {
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  @Override
  public Answer postScans(byte[] json) throws IOException {
    return post("v1/edge/scans", json);
  }

  @Override
  public Answer postEvidence(byte[] json) throws IOException {
    return post("v1/edge/evidence", json);
  }

  @Override
  public String describe() {
    return base.toString();
  }

  private Answer post(String path, byte[] json) throws IOException {
    URI uri = base.resolve(path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofByteArray(json))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(uri + ": interrupted", e);
    } catch (IOException e) {
      throw new IOException(
          uri + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }
}
