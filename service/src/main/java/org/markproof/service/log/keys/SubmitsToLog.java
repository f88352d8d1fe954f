package org.markproof.service.log.keys;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that puts an entry into the log (or prepares one, as a custodial
 * enrolment making the participant's key): on a verifier-only service {@link VerifierOnlyGuard}
 * refuses it before it runs, so that nothing is written for a submission the service cannot take.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SubmitsToLog {}
