package org.markproof.edge.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519Jwk;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.EdgeStoreException;
import org.markproof.edge.upload.HttpEdgeApi;

/**
 * The service's token verification keys as {@code GET /v1/edge/token-keys} publishes them (a JWK
 * Set, RFC 7517 §5, of Ed25519 keys, RFC 8037, with the {@code issuer} and {@code audiences} the
 * service requires), fetched while the service is reachable and kept in the store's setting {@value
 * #SETTING}, so that {@code serve} checks the same customs tokens while the uplink is down.
 *
 * @param keys the keys
 * @param issuer the {@code iss} the service requires
 * @param audiences the {@code aud} values, one of which a token must carry
 */
public record ServiceTokenKeys(List<Ed25519Jwk> keys, String issuer, Set<String> audiences) {
  /** The store setting the keys are kept in, as the service's JSON. */
  public static final String SETTING = "serve.token-keys";

  /** Largest answer read. */
  static final int MAX_BYTES = 64 * 1024;

  /** Most keys kept. */
  static final int MAX_KEYS = 16;

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  public ServiceTokenKeys {
    keys = List.copyOf(keys);
    audiences = Set.copyOf(audiences);
  }

  /**
   * Reads the service's answer.
   *
   * @throws MalformedDataException if it is not a JWK Set of 1 to {@value #MAX_KEYS} Ed25519 keys
   *     with an issuer and at least one audience, for EdDSA
   */
  public static ServiceTokenKeys parse(byte[] json) throws MalformedDataException {
    if (json.length > MAX_BYTES) {
      throw new MalformedDataException("token keys: more than " + MAX_BYTES + " bytes");
    }
    JsonNode body;
    try {
      body = JSON.readTree(json);
    } catch (IOException e) {
      throw new MalformedDataException("token keys: not one JSON object", e);
    }
    if (body == null || !body.isObject()) {
      throw new MalformedDataException("token keys: not a JSON object");
    }
    JsonNode list = body.get("keys");
    if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_KEYS) {
      throw new MalformedDataException("token keys: /keys must list 1 to " + MAX_KEYS + " JWKs");
    }
    List<Ed25519Jwk> keys = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      try {
        keys.add(Ed25519Jwk.read(list.get(i)));
      } catch (MalformedDataException e) {
        throw new MalformedDataException("token keys: /keys/" + i + e.getMessage(), e);
      }
    }
    JsonNode issuer = body.get("issuer");
    if (issuer == null || !issuer.isTextual() || issuer.textValue().isEmpty()) {
      throw new MalformedDataException("token keys: /issuer must be the tokens' iss");
    }
    JsonNode audiences = body.get("audiences");
    Set<String> aud = new LinkedHashSet<>();
    if (audiences != null && audiences.isArray()) {
      for (JsonNode a : audiences) {
        if (!a.isTextual() || a.textValue().isEmpty()) {
          throw new MalformedDataException("token keys: /audiences lists strings");
        }
        aud.add(a.textValue());
      }
    }
    if (aud.isEmpty()) {
      throw new MalformedDataException("token keys: /audiences must name at least one audience");
    }
    JsonNode algorithms = body.get("algorithms");
    if (algorithms != null) {
      boolean eddsa = false;
      for (JsonNode a : algorithms) {
        eddsa |= "EdDSA".equals(a.textValue());
      }
      if (!eddsa) {
        throw new MalformedDataException("token keys: the service does not sign tokens with EdDSA");
      }
    }
    return new ServiceTokenKeys(keys, issuer.textValue(), aud);
  }

  /** The keys as the service's JSON, which {@link #parse} reads back. */
  public byte[] json() {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("keys");
    keys.forEach(k -> list.add(k.json()));
    body.put("issuer", issuer);
    ArrayNode aud = body.putArray("audiences");
    audiences.stream().sorted().forEach(aud::add);
    body.putArray("algorithms").add("EdDSA");
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write token keys", e);
    }
  }

  /**
   * {@code GET /v1/edge/token-keys} of the service at {@code url}.
   *
   * @throws IOException if the service cannot be reached or does not answer 200
   * @throws MalformedDataException if the URL is not http(s), or the answer is not token keys
   */
  public static ServiceTokenKeys fetch(String url) throws IOException, MalformedDataException {
    URI uri = HttpEdgeApi.baseUri(url).resolve("v1/edge/token-keys");
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      byte[] body;
      try (InputStream in = response.body()) {
        body = in.readNBytes(MAX_BYTES + 1);
      }
      if (response.statusCode() != 200) {
        throw new IOException(
            uri + " answered " + response.statusCode() + ": " + HttpEdgeApi.brief(body));
      }
      return parse(body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(uri + ": interrupted", e);
    }
  }

  /** The keys kept in {@code store}, if any were fetched. */
  public static Optional<ServiceTokenKeys> load(EdgeStore store)
      throws EdgeStoreException, MalformedDataException {
    Optional<String> kept = store.setting(SETTING);
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(kept.get().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (MalformedDataException e) {
      throw new MalformedDataException(
          store.file() + ": setting " + SETTING + ": " + e.getMessage(), e);
    }
  }

  /** Keeps these keys in {@code store}, replacing any kept before. */
  public void save(EdgeStore store) throws EdgeStoreException {
    store.putSetting(SETTING, new String(json(), java.nio.charset.StandardCharsets.UTF_8));
  }
}
