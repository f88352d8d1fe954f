/**
 * Transparency log checkpoints and what is built on them: c2sp.org/tlog-checkpoint ({@link
 * org.markproof.contracts.checkpoint.Checkpoint}, {@link
 * org.markproof.contracts.checkpoint.CheckpointVerifier}), c2sp.org/tlog-cosignature (Ed25519, type
 * 0x04: {@link org.markproof.contracts.checkpoint.Ed25519CosignatureSigner}, {@link
 * org.markproof.contracts.checkpoint.Ed25519CosignatureVerifier}), c2sp.org/tlog-proof ({@link
 * org.markproof.contracts.checkpoint.TlogProof}, {@link
 * org.markproof.contracts.checkpoint.TlogProofVerifier}) and c2sp.org/tlog-policy ({@link
 * org.markproof.contracts.checkpoint.TlogPolicy}).
 */
package org.markproof.contracts.checkpoint;
