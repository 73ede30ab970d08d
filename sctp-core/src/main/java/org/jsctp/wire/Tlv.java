package org.jsctp.wire;

import java.nio.ByteBuffer;

/** What parameters and error causes share: a 4-byte header, a Length, padding on the wire. */
interface Tlv {

  /** The Length field: header plus value, without padding. */
  int encodedLength();

  /** Writes header, value and zero padding; advances {@code out} by the padded length. */
  void writeTo(ByteBuffer out);
}
