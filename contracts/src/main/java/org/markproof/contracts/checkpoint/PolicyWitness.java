package org.markproof.contracts.checkpoint;

import java.util.Optional;

/**
 * A {@code witness <name> <vkey> [<url>]} line of a policy (c2sp.org/tlog-policy §Defining a
 * witness).
 *
 * @param name the policy-local name used by groups and the quorum
 * @param verifier the witness's Ed25519 cosignature key (type 0x04)
 * @param url the optional application-specific URL
 */
public record PolicyWitness(
    String name, Ed25519CosignatureVerifier verifier, Optional<String> url) {}
