package org.markproof.contracts.verdict;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.markproof.contracts.checkpoint.TlogProof;
import org.markproof.contracts.entry.MarkRepresentation;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.label.Gs1Fields;
import org.markproof.contracts.rules.BatchRecord;
import org.markproof.contracts.rules.EntryRef;
import org.markproof.contracts.rules.ParticipantRecord;
import org.markproof.contracts.rules.ProductRecord;

/**
 * Writes the verdict document of docs/verdicts.md "The document" from a {@link Judgement}, with the
 * evidence drawn from an {@link EvidenceSource} against one checkpoint. The result is unsigned;
 * {@link VerdictSignature#sign} signs it.
 */
public final class VerdictDocument {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private VerdictDocument() {}

  /**
   * How the verdict was given.
   *
   * @param judgedAt when the verdict was given
   * @param offline whether an edge gave it from its cache
   * @param checkpointAgeSeconds the age of the checkpoint, reported by edges
   * @param wouldBe the verdict a {@code STALE} one stands for
   */
  public record Circumstances(
      Instant judgedAt,
      boolean offline,
      Optional<Long> checkpointAgeSeconds,
      Optional<VerdictCode> wouldBe) {
    /** A verdict given online by the service at {@code judgedAt}. */
    public static Circumstances online(Instant judgedAt) {
      return new Circumstances(judgedAt, false, Optional.empty(), Optional.empty());
    }
  }

  /**
   * The unsigned document for {@code judgement} of {@code scan}. Evidence entries are proven
   * against the checkpoint {@code checkpointNote} of {@code checkpointSize} leaves, which must
   * cover every entry the judgement relies on.
   *
   * @throws IllegalArgumentException if an entry relied on lies beyond the checkpoint
   */
  public static ObjectNode write(
      Judgement judgement,
      ScanFacts scan,
      Circumstances circumstances,
      EvidenceSource source,
      byte[] checkpointNote,
      long checkpointSize) {
    ObjectNode doc = withoutEvidence(judgement, scan, circumstances);
    doc.set(
        VerdictParts.EVIDENCE,
        evidence(judgement.evidence(), source, checkpointNote, checkpointSize));
    return doc;
  }

  /**
   * {@link #write}'s document without its {@code evidence} member, for a writer that adds the
   * evidence as canonical bytes it keeps ({@link VerdictSignature#signed(ObjectNode, byte[],
   * org.markproof.contracts.note.Ed25519NoteSigner)}): every scan of a batch against one checkpoint
   * carries the same.
   */
  public static ObjectNode withoutEvidence(
      Judgement judgement, ScanFacts scan, Circumstances circumstances) {
    ObjectNode doc = JSON.objectNode();
    doc.put("format", VerdictSignature.FORMAT);
    doc.put("verdict", judgement.verdict().name());
    ArrayNode reasons = doc.putArray("reasons");
    judgement.reasons().forEach(r -> reasons.add(r.wireName()));
    ObjectNode message = doc.putObject("message");
    message.put("key", judgement.decisiveReason().messageKey());
    message.put("text", judgement.decisiveReason().sentence());
    judgement.detail().ifPresent(d -> doc.put("detail", d));
    doc.put("offline", circumstances.offline());
    doc.put("judgedAt", circumstances.judgedAt().toString());
    circumstances.wouldBe().ifPresent(v -> doc.put("wouldBe", v.name()));
    circumstances.checkpointAgeSeconds().ifPresent(a -> doc.put("checkpointAgeSeconds", a));
    doc.set("scan", scan(scan));
    judgement.item().ifPresent(f -> doc.set("item", item(f)));
    judgement.product().ifPresent(p -> doc.set("product", product(p)));
    judgement
        .mark()
        .ifPresent(
            m -> {
              ObjectNode mark = doc.putObject("mark");
              mark.put("office", m.trademark().office().code());
              mark.put("number", m.trademark().number());
              if (m.recorded().mark() instanceof MarkRepresentation.WordMark word) {
                mark.put("text", word.text());
              } else if (m.recorded().mark() instanceof MarkRepresentation.FigurativeMark figure) {
                mark.put("imageSha256", HexFormat.of().formatHex(figure.imageSha256()));
              }
              judgement
                  .status()
                  .ifPresent(
                      s -> {
                        mark.put("status", s.status().wireName());
                        mark.put("expiryDate", s.expiry().toString());
                      });
            });
    judgement.holder().ifPresent(h -> doc.set("holder", participant(h)));
    judgement
        .licensee()
        .ifPresent(
            l -> {
              ObjectNode licensee = participant(l);
              judgement.license().ifPresent(license -> licensee.put("license", license.id()));
              doc.set("licensee", licensee);
            });
    judgement.batch().ifPresent(b -> doc.set("batch", batch(b)));
    if (!judgement.sightings().isEmpty()) {
      ArrayNode sightings = doc.putArray("sightings");
      judgement.sightings().forEach(s -> sightings.add(sighting(s)));
    }
    return doc;
  }

  private static ObjectNode scan(ScanFacts scan) {
    ObjectNode node = JSON.objectNode();
    node.put("scanId", scan.scanId());
    node.put("postId", scan.postId());
    node.put("lat", scan.lat());
    node.put("lon", scan.lon());
    node.put("scannedAt", scan.scannedAt().toString());
    node.put("code", scan.code());
    scan.symbology().ifPresent(s -> node.put("symbology", s));
    return node;
  }

  private static ObjectNode item(Gs1Fields fields) {
    ObjectNode node = JSON.objectNode();
    node.put("gtin", fields.gtin().digits());
    fields.batch().ifPresent(b -> node.put("batch", b));
    fields.serial().ifPresent(s -> node.put("serial", s));
    fields.expiry().ifPresent(e -> node.put("expiry", e.text()));
    return node;
  }

  private static ObjectNode product(ProductRecord record) {
    ObjectNode node = JSON.objectNode();
    node.put("gtin", record.registration().gtin().digits());
    node.put("description", record.registration().description());
    node.put("niceClass", record.registration().niceClass());
    ArrayNode territories = node.putArray("territories");
    for (OfficeCode territory : record.registration().territories()) {
      territories.add(territory.code());
    }
    return node;
  }

  private static ObjectNode participant(ParticipantRecord record) {
    ObjectNode node = JSON.objectNode();
    node.put("id", record.id());
    node.put("name", record.displayName());
    return node;
  }

  private static ObjectNode batch(BatchRecord record) {
    ObjectNode node = JSON.objectNode();
    node.put("batch", record.issue().batch());
    node.put("issuer", record.issuer());
    node.put("issueDate", date(record.issue().issueDate()));
    node.put("serialCount", record.issue().serialCount());
    node.put("revoked", record.revocation().isPresent());
    return node;
  }

  private static ObjectNode sighting(Sighting sighting) {
    ObjectNode node = JSON.objectNode();
    node.put("scanId", sighting.scanId());
    node.put("postId", sighting.postId());
    node.put("lat", sighting.lat());
    node.put("lon", sighting.lon());
    node.put("scannedAt", sighting.scannedAt().toString());
    return node;
  }

  /**
   * The {@code evidence} member's value: {@code checkpointNote}, and each entry in {@code relied}
   * with its inclusion proof against it.
   *
   * @throws IllegalArgumentException if an entry lies beyond the checkpoint
   */
  public static ObjectNode evidence(
      Map<EvidenceRole, EntryRef> relied,
      EvidenceSource source,
      byte[] checkpointNote,
      long checkpointSize) {
    ObjectNode node = JSON.objectNode();
    node.put("checkpoint", new String(checkpointNote, StandardCharsets.UTF_8));
    ArrayNode entries = node.putArray("entries");
    for (Map.Entry<EvidenceRole, EntryRef> e : relied.entrySet()) {
      entries.add(
          evidenceEntry(e.getKey(), e.getValue().index(), source, checkpointNote, checkpointSize));
    }
    return node;
  }

  /**
   * One element of the evidence's {@code entries}: the entry at {@code index}, relied on as {@code
   * role}, with its inclusion proof against {@code checkpointNote} as a tlog-proof. Every verdict
   * relying on that entry in that role against that checkpoint carries the same element.
   *
   * @throws IllegalArgumentException if the entry lies beyond the checkpoint
   */
  public static ObjectNode evidenceEntry(
      EvidenceRole role,
      long index,
      EvidenceSource source,
      byte[] checkpointNote,
      long checkpointSize) {
    if (index >= checkpointSize) {
      throw new IllegalArgumentException(
          "entry " + index + " lies beyond the checkpoint of size " + checkpointSize);
    }
    TlogProof proof =
        new TlogProof(
            index, source.inclusionProof(index, checkpointSize), Optional.empty(), checkpointNote);
    ObjectNode entry = JSON.objectNode();
    entry.put("role", role.wireName());
    entry.put("index", index);
    entry.put("entry", Base64.getEncoder().encodeToString(source.entry(index)));
    entry.put("proof", new String(proof.toBytes(), StandardCharsets.UTF_8));
    return entry;
  }

  private static String date(LocalDate date) {
    return date.toString();
  }
}
