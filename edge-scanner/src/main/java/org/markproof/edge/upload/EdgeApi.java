package org.markproof.edge.upload;

import java.io.IOException;

/**
 * The service's upload endpoints as {@link Uploader} needs them (docs/edge.md "Uploads",
 * "Evidence"): each takes a JSON body and answers the status and body. {@link HttpEdgeApi} is the
 * real one.
 */
public interface EdgeApi {
  /** An HTTP answer: its status and body text. */
  record Answer(int status, String body) {}

  /** {@code POST /v1/edge/scans}. */
  Answer postScans(byte[] json) throws IOException;

  /** {@code POST /v1/edge/evidence}. */
  Answer postEvidence(byte[] json) throws IOException;

  /** Where the answers come from, for messages. */
  String describe();
}
