package org.markproof.contracts.rules;

/** Stable machine codes of rule violations; clients and problem documents may rely on the names. */
public enum ViolationCode {
  // Authentication and permission: every entry.
  /** The entry time is earlier than the previous entry's. */
  TIME_BEFORE_PREVIOUS_ENTRY,
  /**
   * On an empty ledger only an operator enrolling itself, signed by the enrolled key, is accepted.
   */
  GENESIS_NOT_OPERATOR_SELF_ENROLMENT,
  /** The submitter is not an enrolled participant. */
  SUBMITTER_UNKNOWN,
  /** The submitter was revoked: none of its keys signs any more. */
  SUBMITTER_REVOKED,
  /** The key id names no key ever enrolled. */
  KEY_UNKNOWN,
  /** The key id names another participant's key. */
  KEY_NOT_SUBMITTERS,
  /** The key was rotated away: it no longer signs for the submitter. */
  KEY_ROTATED,
  /** The signature does not verify over the statement's canonical bytes. */
  SIGNATURE_INVALID,
  /** The submitter's role may not make statements of this kind. */
  SUBMITTER_ROLE_NOT_ALLOWED,

  // Participants.
  /** A participant with this id is already enrolled. */
  PARTICIPANT_DUPLICATE,
  /** The participant named is not enrolled. */
  PARTICIPANT_UNKNOWN,
  /** The participant named is already revoked. */
  PARTICIPANT_REVOKED,
  /** This public key was already enrolled (for anyone): keys are never reused. */
  KEY_ALREADY_USED,
  /** Revoking the last active operator would leave nobody to enrol or revoke. */
  LAST_OPERATOR,

  // Trademarks.
  /** The registrar's office is not the mark's office. */
  MARK_OFFICE_MISMATCH,
  /** A mark with this office and registration number is already recorded. */
  MARK_DUPLICATE,
  /** No mark with this office and registration number is recorded. */
  MARK_UNKNOWN,
  /** The holder named is not an enrolled, active brand owner. */
  HOLDER_NOT_BRAND_OWNER,
  /** Filing, registration and expiry dates are not in that order. */
  MARK_DATES_INCONSISTENT,
  /** The registration date lies in the future. */
  REGISTRATION_DATE_IN_FUTURE,
  /** The mark is cancelled or invalidated: nothing more may change it. */
  MARK_STATUS_FINAL,
  /** The new status cannot follow the current one. */
  STATUS_TRANSITION_NOT_ALLOWED,
  /** A renewal's new expiry date is not later than the expiry in force. */
  RENEWAL_EXPIRY_NOT_LATER,
  /** The effective date is earlier than the last recorded change of the same kind. */
  EFFECTIVE_DATE_OUT_OF_ORDER,
  /** The effective date lies in the past: assignments and terminations move future rights only. */
  EFFECTIVE_DATE_RETROACTIVE,
  /** The assignment names the holder who already holds the mark. */
  ASSIGNMENT_TO_CURRENT_HOLDER,
  /** The mark is not live (registered or renewed, not expired) on the date that matters. */
  MARK_NOT_LIVE,

  // Licenses.
  /** A license with this id already exists. */
  LICENSE_DUPLICATE,
  /** No license with this id exists. */
  LICENSE_UNKNOWN,
  /** The licensor is not the mark's holder. */
  LICENSOR_NOT_HOLDER,
  /** The submitter may not grant or terminate this license. */
  LICENSE_SUBMITTER_NOT_ENTITLED,
  /** The licensee is not an enrolled, active brand owner. */
  LICENSEE_NOT_BRAND_OWNER,
  /** The licensee is the licensor. */
  LICENSEE_IS_LICENSOR,
  /** The license ends before it starts. */
  LICENSE_TERM_INVALID,
  /** The license scope names a Nice class the mark does not cover. */
  LICENSE_CLASS_NOT_IN_MARK,
  /** The license was already terminated. */
  LICENSE_ALREADY_TERMINATED,

  // Products and batches.
  /** A product with this GTIN is already registered. */
  PRODUCT_DUPLICATE,
  /** No product with this GTIN is registered. */
  PRODUCT_UNKNOWN,
  /** The product's Nice class is not one of the mark's. */
  PRODUCT_CLASS_NOT_IN_MARK,
  /** The submitter neither holds the mark nor has a license covering this GTIN now. */
  REGISTRANT_NOT_ENTITLED,
  /** The product's class or territories exceed the registrant's license scope. */
  PRODUCT_OUTSIDE_LICENSE,
  /** A batch with this GTIN and batch/lot is already issued. */
  BATCH_DUPLICATE,
  /** The issue date lies in the future (beyond the allowed clock skew). */
  ISSUE_DATE_IN_FUTURE,
  /** On the issue date the issuer neither held the mark nor had a license covering the product. */
  ISSUER_NOT_ENTITLED,
  /** The issuer's right has since ended (assignment or license termination in effect now). */
  ISSUER_RIGHT_ENDED,

  // Revocations and seizures.
  /** No batch with this GTIN and batch/lot is issued. */
  BATCH_UNKNOWN,
  /** Only the batch's issuer or the mark's holder may revoke its labels. */
  REVOCATION_NOT_ENTITLED,
  /** The whole batch is already revoked. */
  BATCH_ALREADY_REVOKED,
  /** This serial's label is already revoked. */
  SERIAL_ALREADY_REVOKED,
  /** A seizure with this scan reference is already recorded. */
  SEIZURE_DUPLICATE,
  /** The seizure's post is not the submitting officer's post. */
  SEIZURE_POST_MISMATCH,
  /** The seizure time lies in the future (beyond the allowed clock skew). */
  SEIZURE_TIME_IN_FUTURE
}
