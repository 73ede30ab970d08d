package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * No User Data (RFC 9260 section 3.3.10.9): a DATA or I-DATA chunk had no payload.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Cause Code = 9         |         Cause Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           TSN value                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param tsn the TSN of the empty chunk
 */
public record NoUserDataCause(int tsn) implements ErrorCause {

  static NoUserDataCause parse(byte[] b, int off, int len) throws WireFormatException {
    return new NoUserDataCause(Int32Value.parse(b, off, len, "NoUserDataCause"));
  }

  @Override
  public int code() {
    return CauseCode.NO_USER_DATA;
  }

  @Override
  public int encodedLength() {
    return Int32Value.ENCODED_LENGTH;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Int32Value.writeTlv(out, code(), tsn);
  }
}
