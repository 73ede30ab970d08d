package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Host Name Address (RFC 9260 section 3.3.2.1): deprecated; an INIT carrying it is answered with
 * ABORT (cause 5 optional).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Type = 11           |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                           Host Name                           /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param hostName the name as sent, normally NUL-terminated; may share the decoded packet's array
 */
public record HostNameAddressParameter(Bytes hostName) implements Parameter {

  /** Checks that the value fits a 16-bit Length. */
  public HostNameAddressParameter {
    OpaqueValue.check(hostName, "hostName", "HostNameAddressParameter");
  }

  static HostNameAddressParameter parse(byte[] b, int off, int len) {
    return new HostNameAddressParameter(Bytes.wrap(b, off, len));
  }

  @Override
  public int type() {
    return ParameterType.HOST_NAME_ADDRESS;
  }

  @Override
  public int encodedLength() {
    return OpaqueValue.encodedLength(hostName);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    OpaqueValue.writeTlv(out, type(), hostName);
  }
}
