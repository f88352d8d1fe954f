package org.markproof.contracts.checkpoint;

import java.util.Optional;
import org.markproof.contracts.note.Ed25519NoteVerifier;

/**
 * A {@code log <vkey> [<url>]} line of a policy (c2sp.org/tlog-policy §Defining a log). The key
 * name must be the log's origin.
 *
 * @param verifier the log's Ed25519 note key (type 0x01)
 * @param url the optional application-specific URL
 */
public record PolicyLog(Ed25519NoteVerifier verifier, Optional<String> url) {}
