package org.jsctp.netty;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.jsctp.api.SendFailed;

/**
 * SCTP_SEND_FAILED_EVENT (RFC 6458 section 6.1.11), like {@code
 * com.sun.nio.sctp.SendFailedNotification}: a message that will not be delivered, with its data, so
 * that nothing is lost silently.
 *
 * @param association the association
 * @param address the peer's primary address at the time, or null when unknown
 * @param buffer the data that was not delivered (read-only): a whole message, the part of a message
 *     not yet sent, or one fragment that was sent and not acknowledged
 * @param errorCode the error code (0: the association ended or the message expired)
 * @param streamNumber the stream the message was sent on
 * @param payloadProtocolID the message's payload protocol identifier
 * @param unordered whether the message was unordered
 * @param dataSent true when the data had been sent (the peer may or may not have it: RFC 6458
 *     SCTP_DATA_SENT), false when it never left (SCTP_DATA_UNSENT)
 * @param reason why, in words
 * @param cause why, for a program: the association ended, the stream was invalid, or PR-SCTP
 *     abandoned it (its lifetime ended, its retransmissions were used up, a message of higher
 *     priority displaced it)
 */
public record SendFailedNotification(
    Association association,
    SocketAddress address,
    ByteBuffer buffer,
    int errorCode,
    int streamNumber,
    int payloadProtocolID,
    boolean unordered,
    boolean dataSent,
    String reason,
    SendFailed.Cause cause)
    implements Notification {

  /** Checks the arguments and makes the buffer read-only. */
  public SendFailedNotification {
    Objects.requireNonNull(association, "association");
    Objects.requireNonNull(cause, "cause");
    buffer = buffer.asReadOnlyBuffer();
  }

  /** The undelivered data: a new read-only view at each call, from its first byte. */
  @Override
  public ByteBuffer buffer() {
    return buffer.duplicate();
  }
}
