package org.jsctp.netty.option;

import java.util.List;
import org.jsctp.api.PrStatus;

/**
 * SCTP_PR_STREAM_STATUS (RFC 7496 section 4.3.2): the messages PR-SCTP abandoned on each outbound
 * stream of an association.
 *
 * @param streams the counts by outbound stream number
 */
public record PrStreamStatus(List<PrStatus> streams) {

  /** Copies the list. */
  public PrStreamStatus {
    streams = List.copyOf(streams);
  }

  /** The counts of one stream. */
  public PrStatus stream(int streamNumber) {
    return streams.get(streamNumber);
  }
}
