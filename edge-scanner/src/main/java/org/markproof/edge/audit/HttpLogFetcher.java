package org.markproof.edge.audit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.markproof.contracts.MalformedDataException;

/**
 * Fetches a log's resources over HTTP(S) with {@code java.net.http}: one GET per resource, a
 * bounded body, and anything but {@code 200 OK} refused.
 */
public final class HttpLogFetcher implements LogFetcher {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final URI prefix;
  private final HttpClient client;

  private HttpLogFetcher(URI prefix) {
    this.prefix = prefix;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /**
   * Makes a fetcher for the log whose resources live under {@code url} ({@code url + "/checkpoint"}
   * and so on).
   *
   * @throws MalformedDataException unless {@code url} is an absolute http or https URL without a
   *     query or fragment
   */
  public static HttpLogFetcher forPrefix(String url) throws MalformedDataException {
    return forPrefix("--log", url);
  }

  /** As {@link #forPrefix(String)}, naming {@code option} in its messages. */
  public static HttpLogFetcher forPrefix(String option, String url) throws MalformedDataException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new MalformedDataException(option + ": not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme();
    if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new MalformedDataException(
          option + ": expected an http(s) URL without query or fragment, got " + url);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return new HttpLogFetcher(uri.resolve(path.endsWith("/") ? path : path + "/"));
  }

  /** The URL every resource path is resolved against, ending in a slash. */
  public URI prefix() {
    return prefix;
  }

  @Override
  public byte[] fetch(String path, int maxBytes) throws IOException {
    URI uri = prefix.resolve(path);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("GET " + uri + ": interrupted", e);
    } catch (IOException e) {
      throw new IOException("GET " + uri + ": " + describe(e), e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("GET " + uri + ": HTTP " + response.statusCode() + ", expected 200");
      }
      byte[] bytes = body.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new IOException("GET " + uri + ": more than the " + maxBytes + " bytes accepted");
      }
      return bytes;
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
