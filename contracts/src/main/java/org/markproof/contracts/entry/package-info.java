/**
 * Ledger entries: the signed statements of DESIGN.md "The ledger", their strict JSON parsing and
 * their RFC 8785 canonical encoding.
 *
 * <h2>Statements</h2>
 *
 * A {@link org.markproof.contracts.entry.Statement} is a JSON object carrying {@code
 * "type":"markproof/statement/v1"} (domain and schema version), a {@code kind}, the {@code
 * submitter}'s participant id and the kind's fields. Dates are ISO 8601 {@code yyyy-MM-dd};
 * instants RFC 3339 UTC as {@link java.time.Instant#toString} writes them; keys standard base64;
 * codes as in WIPO ST.3 (offices, territories) and the GS1 General Specifications (GTIN-14 with
 * check digit, AI 10/21 in CSET 82). {@link org.markproof.contracts.entry.StatementCodec} parses
 * and encodes them.
 *
 * <h2>Signed entries and leaves</h2>
 *
 * The submitter signs exactly the statement's canonical bytes, {@code JCS(statement)} (RFC 8785),
 * with Ed25519. The entry the log stores as a leaf is {@code
 * JCS({"keyId":…,"signature":…,"statement":…})}: see {@link
 * org.markproof.contracts.entry.SignedEntry}. The key id is the RFC 7638 JWK thumbprint of the
 * Ed25519 key (RFC 8037): see {@link org.markproof.contracts.entry.KeyId}.
 *
 * <h2>Bounds</h2>
 *
 * Inputs are bounded by {@link org.markproof.contracts.entry.EntryLimits}; every rejection is a
 * {@link org.markproof.contracts.MalformedDataException} naming the JSON path.
 */
package org.markproof.contracts.entry;
