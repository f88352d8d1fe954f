package org.markproof.contracts.entry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PublicKey;

/** JSON fields of the {@code participant.*} statements. */
final class ParticipantCodec {
  private ParticipantCodec() {}

  static ParticipantEnrolled readEnrolled(String submitter, JsonFields f)
      throws MalformedDataException {
    return new ParticipantEnrolled(
        submitter,
        FieldReaders.identifier(f.required("participant")),
        FieldReaders.freeText(f.required("displayName"), EntryLimits.MAX_DISPLAY_NAME_LENGTH),
        readRole(f.required("role")),
        FieldReaders.publicKey(f.required("publicKey")));
  }

  static void writeEnrolled(ParticipantEnrolled s, ObjectNode out) {
    out.put("participant", s.participant());
    out.put("displayName", s.displayName());
    out.set("role", writeRole(s.role()));
    out.put("publicKey", base64(s.publicKey()));
  }

  static ParticipantKeyRotated readKeyRotated(String submitter, JsonFields f)
      throws MalformedDataException {
    return new ParticipantKeyRotated(
        submitter,
        FieldReaders.identifier(f.required("participant")),
        FieldReaders.publicKey(f.required("publicKey")));
  }

  static void writeKeyRotated(ParticipantKeyRotated s, ObjectNode out) {
    out.put("participant", s.participant());
    out.put("publicKey", base64(s.publicKey()));
  }

  static ParticipantRevoked readRevoked(String submitter, JsonFields f)
      throws MalformedDataException {
    return new ParticipantRevoked(submitter, FieldReaders.identifier(f.required("participant")));
  }

  static void writeRevoked(ParticipantRevoked s, ObjectNode out) {
    out.put("participant", s.participant());
  }

  /**
   * {@code {"type":"operator"}}, {@code {"type":"registrar","office":ST.3}}, {@code
   * {"type":"brand-owner"}} or {@code {"type":"customs","post":id}}.
   */
  private static ParticipantRole readRole(JsonValue value) throws MalformedDataException {
    JsonFields fields = value.anyObject();
    JsonValue typeValue = fields.required("type");
    String type = typeValue.text(32);
    switch (type) {
      case "operator":
        fields.allowOnly(List.of("type"));
        return new ParticipantRole.Operator();
      case "registrar":
        fields.allowOnly(List.of("type", "office"));
        return new ParticipantRole.Registrar(FieldReaders.office(fields.required("office")));
      case "brand-owner":
        fields.allowOnly(List.of("type"));
        return new ParticipantRole.BrandOwner();
      case "customs":
        fields.allowOnly(List.of("type", "post"));
        return new ParticipantRole.Customs(FieldReaders.identifier(fields.required("post")));
      default:
        throw typeValue.error(
            "expected one of [operator, registrar, brand-owner, customs], got " + Excerpt.of(type));
    }
  }

  private static ObjectNode writeRole(ParticipantRole role) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("type", role.type());
    if (role instanceof ParticipantRole.Registrar registrar) {
      out.put("office", registrar.office().code());
    } else if (role instanceof ParticipantRole.Customs customs) {
      out.put("post", customs.post());
    }
    return out;
  }

  static String base64(Ed25519PublicKey key) {
    return Base64.getEncoder().encodeToString(key.bytes());
  }
}
