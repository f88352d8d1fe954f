package org.markproof.service.log.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One log entry as {@code /v1/log/entries} shows it.
 *
 * @param index its position in the log
 * @param leafHash base64 RFC 9162 §2.1.1 leaf hash, {@code SHA-256(0x00 ‖ leaf)}
 * @param sequencedAt when the sequencer appended it (RFC 3339, UTC), as the leaf says
 * @param entry the participant-signed entry, its RFC 8785 canonical JSON embedded verbatim
 * @param leaf base64 of the exact leaf bytes ({@code LogEntry.encoded()}), so that a client can
 *     check {@code leafHash} without re-canonicalising {@code entry}
 */
@JsonPropertyOrder({"index", "leafHash", "sequencedAt", "entry", "leaf"})
public record EntryView(
    long index, String leafHash, String sequencedAt, @JsonRawValue String entry, String leaf) {}
