package org.markproof.service.submission;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.label.Gs1CheckDigit;
import org.markproof.contracts.merkle.ProofVerifier;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.note.NoteVerifiers;
import org.markproof.contracts.note.SignedNote;
import org.markproof.service.auth.Groups;
import org.markproof.service.testing.TestTokens;

/**
 * Builds ledger data for submission tests through the public API: the genesis operator, enrolled
 * participants, fresh identifiers, and the check that a {@code 201} answer's inclusion proof
 * verifies against its checkpoint, whose signature verifies with the log's published key.
 */
public final class TestLedger {
  /** The operator that enrols itself first on the {@link FreshLedgerProfile} ledger. */
  public static final String OPERATOR = "test-operator";

  public static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Decoder BASE64 = Base64.getDecoder();
  private static final Base64.Encoder BASE64_ENCODER = Base64.getEncoder();

  private TestLedger() {}

  /** A fresh participant id, {@code prefix-} and 8 hex digits. */
  public static String id(String prefix) {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return prefix + "-" + HexFormat.of().formatHex(bytes);
  }

  /** A fresh GTIN-14 with a valid GS1 check digit. */
  public static String gtin() {
    StringBuilder digits = new StringBuilder("09");
    for (int i = 0; i < 11; i++) {
      digits.append(RANDOM.nextInt(10));
    }
    return digits.append(Gs1CheckDigit.compute(digits)).toString();
  }

  /** A fresh registration number. */
  public static String registrationNumber() {
    return String.valueOf(100_000_000 + RANDOM.nextInt(900_000_000));
  }

  public static String today() {
    return LocalDate.now(ZoneOffset.UTC).toString();
  }

  public static String token(String subject, String group) {
    return TestTokens.forSubject(subject, group).sign();
  }

  public static String operatorToken() {
    return token(OPERATOR, Groups.OPERATOR);
  }

  /**
   * The operator's self-enrolment, the ledger's first entry: made by the first caller, replayed to
   * every later one (same statement, same Idempotency-Key).
   */
  public static synchronized Response genesis() {
    return post(
        operatorToken(),
        "/v1/participants?wait=true",
        Map.of(
            "participant",
            OPERATOR,
            "displayName",
            "Test operator",
            "role",
            Map.of("type", "operator")),
        "genesis");
  }

  /** Enrols a custodial participant (the service generates its key) and waits for the log. */
  public static void enrol(String participant, Map<String, Object> role) {
    enrolWithKey(participant, role, null);
  }

  /** Enrols a participant holding {@code key} (null: custodial) and waits for the log. */
  public static void enrolWithKey(
      String participant, Map<String, Object> role, Ed25519PrivateKey key) {
    genesis();
    Map<String, Object> body =
        new java.util.HashMap<>(
            Map.of("participant", participant, "displayName", participant, "role", role));
    if (key != null) {
      body.put("publicKey", BASE64_ENCODER.encodeToString(key.publicKey().bytes()));
    }
    Response answer = post(operatorToken(), "/v1/participants?wait=true", body, null);
    assertEquals(201, answer.statusCode(), answer.asString());
  }

  public static Map<String, Object> registrar(String office) {
    return Map.of("type", "registrar", "office", office);
  }

  public static Map<String, Object> brandOwner() {
    return Map.of("type", "brand-owner");
  }

  /** A word mark of {@code office} held by {@code holder}, live today, in Nice class 25. */
  public static Map<String, Object> wordMark(String office, String number, String holder) {
    return Map.of(
        "trademark",
        Map.of("office", office, "number", number),
        "mark",
        Map.of("type", "word", "text", "MARK " + number),
        "niceClasses",
        List.of(25),
        "holder",
        holder,
        "filingDate",
        "2020-01-15",
        "registrationDate",
        "2021-03-01",
        "expiryDate",
        "2031-03-01");
  }

  public static Response post(String token, String path, Object body, String idempotencyKey) {
    var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
    if (idempotencyKey != null) {
      request = request.header("Idempotency-Key", idempotencyKey);
    }
    return request.post(path);
  }

  /**
   * Checks a {@code 201} answer: its checkpoint is signed by the log's key ({@code GET
   * /v1/log/key}) and its inclusion proof leads from the leaf hash at the index to the checkpoint's
   * root (RFC 9162 §2.1.3.2, contracts' {@link ProofVerifier}).
   */
  public static void verifyInLog(JsonPath answer) throws Exception {
    String note = answer.getString("checkpoint");
    String keyText =
        given().get("/v1/log/key").then().statusCode(200).extract().path("checkpointVerifierKey");
    byte[] noteBytes = note.getBytes(StandardCharsets.UTF_8);
    SignedNote.open(noteBytes, NoteVerifiers.of(Ed25519NoteVerifier.parse(keyText)));
    Checkpoint checkpoint = Checkpoint.parse(SignedNote.parse(noteBytes).text());
    List<byte[]> proof =
        answer.getList("inclusionProof", String.class).stream().map(BASE64::decode).toList();
    ProofVerifier.verifyInclusion(
        answer.getLong("index"),
        checkpoint.size(),
        BASE64.decode(answer.getString("leafHash")),
        proof,
        checkpoint.rootHash());
  }

  /** A fresh Ed25519 key, for self-keyed participants and batch label keys. */
  public static Ed25519PrivateKey newKey() {
    return Ed25519PrivateKey.generate(RANDOM);
  }

  public static String publicKeyBase64(Ed25519PrivateKey key) {
    return BASE64_ENCODER.encodeToString(key.publicKey().bytes());
  }
}
