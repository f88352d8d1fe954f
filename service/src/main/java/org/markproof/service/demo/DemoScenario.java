package org.markproof.service.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.markproof.contracts.entry.BatchIssued;
import org.markproof.contracts.entry.LabelRevoked;
import org.markproof.contracts.entry.LicenseGranted;
import org.markproof.contracts.entry.LicenseScope;
import org.markproof.contracts.entry.MarkRepresentation;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.entry.ProductRegistered;
import org.markproof.contracts.entry.RevocationReason;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.entry.TrademarkRecorded;
import org.markproof.contracts.entry.TrademarkRef;
import org.markproof.contracts.label.Gtin;
import org.markproof.service.auth.Groups;

/**
 * The demo ledger, as the statements each participant signs, in order: an operator enrols itself,
 * the IP offices EM and AU, a holder brand, a licensee manufacturer and a customs post; the offices
 * record the holder's marks; the holder licenses the licensee; both register products and issue
 * batches; the holder revokes one stolen label. Every step is lawful under the contracts' rules on
 * {@code today} ({@code DemoScenarioTest} replays it).
 */
public final class DemoScenario {
  static final OfficeCode EM = OfficeCode.of("EM");
  static final OfficeCode AU = OfficeCode.of("AU");
  static final TrademarkRef EM_MARK = new TrademarkRef(EM, "018000001");
  static final TrademarkRef AU_MARK = new TrademarkRef(AU, "2000001");
  static final Gtin HOLDER_GTIN = Gtin.of("09506000134352");
  static final Gtin LICENSEE_GTIN = Gtin.of("09501101530003");
  static final String HOLDER_BATCH = "LOT2026A";
  static final String LICENSEE_BATCH = "ZX2026-07";
  static final int SERIALS_PER_BATCH = 1000;

  /** The holder's resolver, the host of its Digital Link labels. */
  static final String RESOLVER = "https://id.acme.example";

  /**
   * A participant of the demo: its id (the JWT subject), the name of its token file under {@code
   * demo/tokens/}, its JWT groups and its ledger role.
   */
  public record Participant(
      String id, String tokenName, Set<String> groups, String displayName, ParticipantRole role) {}

  /** One statement and the participant who signs and submits it. */
  public record Step(Participant actor, Statement statement) {}

  static final Participant OPERATOR =
      new Participant(
          "operator",
          "operator",
          Set.of(Groups.OPERATOR),
          "markproof demo operator",
          new ParticipantRole.Operator());
  static final Participant REGISTRAR_EM =
      new Participant(
          "euipo",
          "registrar-em",
          Set.of(Groups.REGISTRAR),
          "EUIPO (demo)",
          new ParticipantRole.Registrar(EM));
  static final Participant REGISTRAR_AU =
      new Participant(
          "ip-australia",
          "registrar-au",
          Set.of(Groups.REGISTRAR),
          "IP Australia (demo)",
          new ParticipantRole.Registrar(AU));
  static final Participant HOLDER =
      new Participant(
          "acme",
          "brand-owner",
          Set.of(Groups.BRAND_OWNER),
          "ACME Instruments (demo holder)",
          new ParticipantRole.BrandOwner());
  static final Participant LICENSEE =
      new Participant(
          "zenith",
          "licensee",
          Set.of(Groups.BRAND_OWNER),
          "Zenith Manufacturing (demo licensee)",
          new ParticipantRole.BrandOwner());
  static final Participant CUSTOMS =
      new Participant(
          "customs-fra-cargo",
          "customs",
          Set.of(Groups.CUSTOMS),
          "Customs, Frankfurt cargo (demo)",
          new ParticipantRole.Customs("de-fra-cargo"));

  /** Every participant, the operator first. */
  public static final List<Participant> PARTICIPANTS =
      List.of(OPERATOR, REGISTRAR_EM, REGISTRAR_AU, HOLDER, LICENSEE, CUSTOMS);

  private DemoScenario() {}

  /**
   * The demo's statements for a ledger seeded on {@code today}.
   *
   * @param keys the participants' and batches' keys
   * @param revokedSerial the holder's label serial that the last step revokes
   */
  public static List<Step> steps(DemoKeys keys, LocalDate today, String revokedSerial) {
    List<Step> enrolments =
        PARTICIPANTS.stream()
            .map(
                p ->
                    new Step(
                        OPERATOR,
                        new ParticipantEnrolled(
                            OPERATOR.id(),
                            p.id(),
                            p.displayName(),
                            p.role(),
                            keys.participant(p.id()).publicKey())))
            .toList();
    List<Step> ledger =
        List.of(
            new Step(REGISTRAR_EM, mark(REGISTRAR_EM, EM_MARK, today)),
            new Step(REGISTRAR_AU, mark(REGISTRAR_AU, AU_MARK, today)),
            new Step(
                HOLDER,
                new LicenseGranted(
                    HOLDER.id(),
                    "acme-zenith-2026",
                    HOLDER.id(),
                    LICENSEE.id(),
                    EM_MARK,
                    new LicenseScope(
                        List.of(LICENSEE_GTIN), List.of(), List.of(9), List.of(EM, AU)),
                    today.minusDays(30),
                    today.plusYears(2))),
            new Step(
                HOLDER,
                new ProductRegistered(
                    HOLDER.id(),
                    HOLDER_GTIN,
                    EM_MARK,
                    9,
                    "ACME pocket spectrometer",
                    List.of(EM, AU))),
            new Step(
                LICENSEE,
                new ProductRegistered(
                    LICENSEE.id(),
                    LICENSEE_GTIN,
                    EM_MARK,
                    9,
                    "ACME field spectrometer, made under licence by Zenith",
                    List.of(EM))),
            new Step(
                HOLDER,
                new BatchIssued(
                    HOLDER.id(),
                    HOLDER_GTIN,
                    HOLDER_BATCH,
                    SERIALS_PER_BATCH,
                    keys.labelKey(HOLDER_BATCH).publicKey(),
                    today)),
            new Step(
                LICENSEE,
                new BatchIssued(
                    LICENSEE.id(),
                    LICENSEE_GTIN,
                    LICENSEE_BATCH,
                    SERIALS_PER_BATCH,
                    keys.labelKey(LICENSEE_BATCH).publicKey(),
                    today)),
            new Step(
                HOLDER,
                new LabelRevoked(
                    HOLDER.id(),
                    HOLDER_GTIN,
                    HOLDER_BATCH,
                    List.of(revokedSerial),
                    RevocationReason.STOLEN)));
    return java.util.stream.Stream.concat(enrolments.stream(), ledger.stream()).toList();
  }

  private static TrademarkRecorded mark(Participant registrar, TrademarkRef ref, LocalDate today) {
    return new TrademarkRecorded(
        registrar.id(),
        ref,
        new MarkRepresentation.WordMark("ACME"),
        List.of(9),
        HOLDER.id(),
        today.minusYears(3).minusMonths(6),
        today.minusYears(3),
        today.plusYears(7));
  }
}
