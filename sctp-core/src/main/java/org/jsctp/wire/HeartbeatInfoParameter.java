package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Heartbeat Info (RFC 9260 section 3.3.5): sender-specific data in a HEARTBEAT that the peer echoes
 * unchanged in its HEARTBEAT ACK.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Type = 1            |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                Sender-Specific Heartbeat Info                 /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param info opaque to the receiver; may share the decoded packet's array
 */
public record HeartbeatInfoParameter(Bytes info) implements Parameter {

  /** Checks that the value fits a 16-bit Length. */
  public HeartbeatInfoParameter {
    Objects.requireNonNull(info, "info");
    Wire.checkEncodedLength(Wire.TLV_HEADER + info.length(), "HeartbeatInfoParameter");
  }

  static HeartbeatInfoParameter parse(byte[] b, int off, int len) {
    return new HeartbeatInfoParameter(Bytes.wrap(b, off, len));
  }

  @Override
  public int type() {
    return ParameterType.HEARTBEAT_INFO;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER + info.length();
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, type(), encodedLength());
    info.writeTo(out);
    Wire.writePadding(out, encodedLength());
  }
}
