package org.markproof.edge.store;

import java.time.Instant;

/**
 * A scan judged offline, waiting for {@code POST /v1/edge/scans}.
 *
 * @param scanId the scan's id, unique per post
 * @param body the scan as the upload will send it (docs/edge.md "Uploads"), JSON
 * @param queuedAt when it was queued
 */
public record QueuedScan(String scanId, String body, Instant queuedAt) {}
