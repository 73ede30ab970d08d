package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * The value of Add IP Address, Delete IP Address and Set Primary Address (RFC 5061 sections 4.2.1,
 * 4.2.2 and 4.2.4): an ASCONF-Request Correlation ID, then one IPv4 or IPv6 Address parameter.
 */
final class CorrelatedAddress {

  /** Builds the record from the decoded fields. */
  @FunctionalInterface
  interface Factory<T> {
    T create(int correlationId, Parameter address);
  }

  private CorrelatedAddress() {}

  static <T> T parse(byte[] b, int off, int len, String what, Factory<T> factory)
      throws WireFormatException {
    Wire.requireValueAtLeast(len, 4, what);
    return factory.create(Wire.i32(b, off), Wire.parseSingleAddress(b, off + 4, len - 4, what));
  }

  static int encodedLength(Parameter address) {
    return Wire.TLV_HEADER + 4 + address.encodedLength();
  }

  static void writeTlv(ByteBuffer out, int type, int correlationId, Parameter address) {
    Wire.writeTlvHeader(out, type, encodedLength(address));
    out.putInt(correlationId);
    address.writeTo(out);
  }
}
