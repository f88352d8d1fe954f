package org.markproof.contracts.label;

import org.markproof.contracts.MalformedDataException;

/**
 * The rules of {@link ScannedCode#parse}, kept apart so that the interface stays a list of types.
 */
final class ScannedTextClassifier {
  private ScannedTextClassifier() {}

  static ScannedCode classify(String text) throws MalformedDataException {
    String identifier = "";
    String data = text;
    if (text.startsWith("]")) {
      if (text.length() < 3) {
        throw new MalformedDataException("symbology identifier " + text + " is cut short");
      }
      identifier = text.substring(0, 3);
      data = text.substring(3);
      if (ElementString.isGs1SymbologyIdentifier(identifier)) {
        return new ScannedCode.Gs1ElementString(identifier, ElementString.parse(text));
      }
    }
    if (startsWithIgnoreCase(data, "http://") || startsWithIgnoreCase(data, "https://")) {
      return new ScannedCode.DigitalLinkUri(DigitalLink.parse(data));
    }
    if (data.startsWith("(")) {
      return new ScannedCode.Gs1ElementString(identifier, ElementString.parseHumanReadable(data));
    }
    if (data.startsWith(String.valueOf(ElementString.GROUP_SEPARATOR))) {
      return new ScannedCode.Gs1ElementString(identifier, ElementString.parse(data));
    }
    boolean digits = isAllDigits(data);
    if (digits && data.length() <= 14) {
      return new ScannedCode.RetailNumber(RetailGtin.parse(data));
    }
    if (data.startsWith("01") && data.length() > 16) {
      return new ScannedCode.Gs1ElementString(identifier, ElementString.parse(data));
    }
    throw new MalformedDataException(
        "not a GS1 Digital Link URI, GS1 element string or EAN/UPC number"
            + (identifier.isEmpty() ? "" : " (symbology identifier " + identifier + ")"));
  }

  private static boolean startsWithIgnoreCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  private static boolean isAllDigits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
