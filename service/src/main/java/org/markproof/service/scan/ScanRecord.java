package org.markproof.service.scan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.markproof.contracts.verdict.VerdictSignature;

/**
 * One scan and its signed verdict as the {@code scan} table keeps it.
 *
 * @param code the scanned text with control characters escaped ({@code \\u0000}), as stored
 * @param concerns the participants whose alerts the verdict raises
 * @param fingerprint SHA-256 of what the client sent, to tell a retry from another scan
 * @param signed the signed verdict document, JSON in UTF-8: answered as these bytes, stored without
 *     its evidence, whose parts go to {@code verdict_evidence} once for all scans carrying them
 * @param evidence the signed document's evidence member and the parts it is stored as
 * @param edgeDocument the verdict an offline post gave and signed, as it uploaded it
 * @param durable completes with true once the row is written, false if a row of that id existed
 */
record ScanRecord(
    String scanId,
    String submitter,
    String postId,
    double lat,
    double lon,
    Instant scannedAt,
    Instant receivedAt,
    boolean offline,
    String code,
    Optional<String> gtin,
    Optional<String> batch,
    Optional<String> serial,
    String verdict,
    List<String> concerns,
    byte[] fingerprint,
    VerdictSignature.Signed signed,
    EvidenceCache.Evidence evidence,
    Optional<String> edgeDocument,
    CompletableFuture<Boolean> durable) {}
