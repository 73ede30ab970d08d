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
    Wire.requireValueLength(len, 4, "NoUserDataCause");
    return new NoUserDataCause(Wire.i32(b, off));
  }

  @Override
  public int code() {
    return CauseCode.NO_USER_DATA;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER + 4;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, code(), encodedLength());
    out.putInt(tsn);
  }
}
