/**
 * The ledger's rules ("smart contracts", DESIGN.md "The ledger") and the state they build.
 *
 * <p>{@link org.markproof.contracts.rules.Rules#validate} lists every {@link
 * org.markproof.contracts.rules.Violation} of a signed entry against a {@link
 * org.markproof.contracts.rules.LedgerState} at a given time; {@link
 * org.markproof.contracts.rules.Rules#apply} returns the next state. Both are pure: time comes from
 * the caller, so the service and every edge replaying the log reach equal states. The state is
 * persistent (hash array mapped tries), so applying one entry costs O(log n) and never copies the
 * ledger. Its queries — participants by id or key, marks with their chain of ownership and status
 * history, licenses, products, batches with their label keys, revocations, and the entitlement of
 * an issuer on a date — are what verdicts are made of; every fact cites the log index of the entry
 * behind it.
 */
package org.markproof.contracts.rules;
