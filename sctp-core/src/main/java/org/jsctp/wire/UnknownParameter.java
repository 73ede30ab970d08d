package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * A parameter of a type this codec has no record for, kept as raw type and value so that it can be
 * reported (parameter 8 or cause 8) or re-encoded unchanged. {@link #action()} tells what RFC 9260
 * section 3.2.1 asks of the receiver.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Parameter Type         |       Parameter Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                        Parameter Value                        /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param type the parameter type, 0..65535
 * @param value the value after the 4-byte header, without padding
 */
public record UnknownParameter(int type, Bytes value) implements Parameter {

  /** Checks the type fits 16 bits and the value a 16-bit Length. */
  public UnknownParameter {
    Wire.checkU16(type, "type");
    OpaqueValue.check(value, "value", "UnknownParameter");
  }

  static UnknownParameter parse(int type, byte[] b, int off, int len) {
    return new UnknownParameter(type, Bytes.wrap(b, off, len));
  }

  /** What the receiver must do with it, from the two highest bits of the type. */
  public UnrecognizedAction action() {
    return UnrecognizedAction.ofParameterType(type);
  }

  @Override
  public int encodedLength() {
    return OpaqueValue.encodedLength(value);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    OpaqueValue.writeTlv(out, type, value);
  }

  /** The TLV as received (header and value, no padding), for parameter 8 or cause 8. */
  public Bytes toTlv() {
    ByteBuffer out = ByteBuffer.allocate(paddedLength());
    writeTo(out);
    return Bytes.wrap(out.array(), 0, encodedLength());
  }
}
