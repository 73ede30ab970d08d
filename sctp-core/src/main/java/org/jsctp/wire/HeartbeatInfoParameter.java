package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

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
    OpaqueValue.check(info, "info", "HeartbeatInfoParameter");
  }

  static HeartbeatInfoParameter parse(byte[] b, int off, int len) {
    return new HeartbeatInfoParameter(Bytes.wrap(b, off, len));
  }

  /** The value of the first Heartbeat Info parameter in {@code parameters}, if any. */
  static Optional<Bytes> firstIn(List<Parameter> parameters) {
    return TlvLists.first(parameters, HeartbeatInfoParameter.class)
        .map(HeartbeatInfoParameter::info);
  }

  @Override
  public int type() {
    return ParameterType.HEARTBEAT_INFO;
  }

  @Override
  public int encodedLength() {
    return OpaqueValue.encodedLength(info);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    OpaqueValue.writeTlv(out, type(), info);
  }
}
