package org.markproof.edge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.markproof.contracts.barcode.DecodedBarcode;
import org.markproof.contracts.label.Gs1Fields;
import org.markproof.contracts.label.ScannedCode;

/** The JSON that {@code label decode} prints for one decoded symbol. */
final class DecodedBarcodeJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DecodedBarcodeJson() {}

  static String of(DecodedBarcode decoded) {
    ObjectNode root = JSON.createObjectNode();
    root.put("symbology", decoded.symbology().name());
    root.put("symbologyIdentifier", decoded.symbologyIdentifier());
    root.put("text", decoded.text());
    ScannedCode code = decoded.code();
    root.put("kind", kind(code));
    if (code instanceof ScannedCode.Malformed malformed) {
      root.put("reason", malformed.reason());
    }
    code.fields().ifPresent(fields -> root.set("gs1", gs1(fields)));
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }

  private static String kind(ScannedCode code) {
    if (code instanceof ScannedCode.DigitalLinkUri) {
      return "gs1-digital-link";
    } else if (code instanceof ScannedCode.Gs1ElementString) {
      return "gs1-element-string";
    } else if (code instanceof ScannedCode.RetailNumber) {
      return "retail-gtin";
    }
    return "other";
  }

  private static ObjectNode gs1(Gs1Fields fields) {
    ObjectNode gs1 = JSON.createObjectNode();
    gs1.put("gtin", fields.gtin().digits());
    fields.batch().ifPresent(batch -> gs1.put("batch", batch));
    fields.serial().ifPresent(serial -> gs1.put("serial", serial));
    fields.expiry().ifPresent(expiry -> gs1.put("expiry", expiry.text()));
    gs1.put("signaturePresent", fields.signature().isPresent());
    return gs1;
  }
}
