package org.markproof.contracts.label;

import java.util.Objects;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;

/**
 * The GS1 data of one label, whatever carried it (a Digital Link URI, an element string in a GS1
 * DataMatrix or GS1-128, or, GTIN only, an EAN/UPC): AI (01) always, then optionally (10), (21),
 * (17) and (8030). Every value has passed its AI's syntax ({@link ApplicationIdentifier#validate})
 * and the dictionary's pairing rule for (8030) ({@code req=01+21}).
 *
 * @param gtin AI (01)
 * @param batch AI (10), X..20
 * @param serial AI (21), X..20
 * @param expiry AI (17), YYMMDD
 * @param signature AI (8030), Z..90 as text (for a markproof label, the base64url signature)
 */
public record Gs1Fields(
    Gtin gtin,
    Optional<String> batch,
    Optional<String> serial,
    Optional<Gs1Date> expiry,
    Optional<String> signature) {

  /**
   * Builds fields already known to be valid.
   *
   * @throws IllegalArgumentException if they are not; use {@link #of} for untrusted input
   */
  public Gs1Fields {
    Objects.requireNonNull(gtin, "gtin");
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(expiry, "expiry");
    Objects.requireNonNull(signature, "signature");
    try {
      check(batch, serial, signature);
    } catch (MalformedDataException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Validates and builds; {@code null} stands for an absent field.
   *
   * @throws MalformedDataException naming the AI and rule that failed
   */
  public static Gs1Fields of(
      Gtin gtin, String batch, String serial, Gs1Date expiry, String signature)
      throws MalformedDataException {
    if (gtin == null) {
      throw new MalformedDataException("AI (01): missing; every markproof label carries a GTIN");
    }
    Optional<String> b = Optional.ofNullable(batch);
    Optional<String> s = Optional.ofNullable(serial);
    Optional<String> sig = Optional.ofNullable(signature);
    check(b, s, sig);
    return new Gs1Fields(gtin, b, s, Optional.ofNullable(expiry), sig);
  }

  /** Fields carrying only a GTIN, as an EAN/UPC does. */
  public static Gs1Fields gtinOnly(Gtin gtin) {
    return new Gs1Fields(
        gtin, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A copy with AI (8030) set to {@code signature} (or removed when {@code null}). */
  public Gs1Fields withSignature(String signature) throws MalformedDataException {
    return of(gtin, batch.orElse(null), serial.orElse(null), expiry.orElse(null), signature);
  }

  private static void check(Optional<String> batch, Optional<String> serial, Optional<String> sig)
      throws MalformedDataException {
    if (batch.isPresent()) {
      ApplicationIdentifier.BATCH_LOT.validate(batch.get());
    }
    if (serial.isPresent()) {
      ApplicationIdentifier.SERIAL.validate(serial.get());
    }
    if (sig.isPresent()) {
      ApplicationIdentifier.DIGITAL_SIGNATURE.validate(sig.get());
      if (serial.isEmpty()) {
        throw new MalformedDataException(
            "AI (8030): requires AI (01) with AI (21) (syntax dictionary req=01+21), no serial given");
      }
    }
  }
}
