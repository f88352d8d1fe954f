package org.markproof.service.scan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The outcome of one uploaded scan (docs/edge.md "Uploads"), in the order of the upload.
 *
 * @param scanId the scan's id, when it could be read
 * @param status {@code recorded}, {@code duplicate}, {@code conflict} or {@code invalid}
 * @param verdict the service's verdict code for a recorded or duplicate scan; its signed document
 *     is at {@code GET /v1/scans/{scanId}}
 * @param detail why a scan is invalid or in conflict
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"scanId", "status", "verdict", "detail"})
record EdgeScanResult(String scanId, String status, String verdict, String detail) {
  static final String RECORDED = "recorded";
  static final String DUPLICATE = "duplicate";
  static final String CONFLICT = "conflict";
  static final String INVALID = "invalid";

  static EdgeScanResult recorded(String scanId, String verdict) {
    return new EdgeScanResult(scanId, RECORDED, verdict, null);
  }

  static EdgeScanResult duplicate(String scanId, String verdict) {
    return new EdgeScanResult(scanId, DUPLICATE, verdict, null);
  }

  static EdgeScanResult conflict(String scanId) {
    return new EdgeScanResult(
        scanId,
        CONFLICT,
        null,
        "scan id " + scanId + " is recorded with other fields; a new scan needs a new id");
  }

  static EdgeScanResult invalid(String scanId, String detail) {
    return new EdgeScanResult(scanId, INVALID, null, detail);
  }
}
