package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Invalid Stream Identifier (RFC 9260 section 3.3.10.1): DATA arrived for a stream that does not
 * exist.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Cause Code = 1         |       Cause Length = 8        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       Stream Identifier       |          (Reserved)           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param streamId the invalid stream identifier, 0..65535
 */
public record InvalidStreamIdentifierCause(int streamId) implements ErrorCause {

  /** Checks the stream identifier fits 16 bits. */
  public InvalidStreamIdentifierCause {
    Wire.checkU16(streamId, "streamId");
  }

  static InvalidStreamIdentifierCause parse(byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueLength(len, 4, "Invalid Stream Identifier cause");
    return new InvalidStreamIdentifierCause(Wire.u16(b, off));
  }

  @Override
  public int code() {
    return CauseCode.INVALID_STREAM_IDENTIFIER;
  }

  @Override
  public int encodedLength() {
    return 8;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, code(), 8);
    out.putShort((short) streamId);
    out.putShort((short) 0);
  }
}
