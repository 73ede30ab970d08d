package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Cookie Received While Shutting Down (RFC 9260 section 3.3.10.10): a COOKIE ECHO came in
 * SHUTDOWN-ACK-SENT.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Cause Code = 10        |         Cause Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record CookieReceivedWhileShuttingDownCause() implements ErrorCause {

  static CookieReceivedWhileShuttingDownCause parse(byte[] b, int off, int len)
      throws WireFormatException {
    Wire.requireValueLength(len, 0, "CookieReceivedWhileShuttingDownCause");
    return new CookieReceivedWhileShuttingDownCause();
  }

  @Override
  public int code() {
    return CauseCode.COOKIE_RECEIVED_WHILE_SHUTTING_DOWN;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, code(), Wire.TLV_HEADER);
  }
}
