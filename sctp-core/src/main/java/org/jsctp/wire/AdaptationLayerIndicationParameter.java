package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Adaptation Layer Indication (RFC 5061 section 4.2.6), in INIT and INIT ACK: tells the peer which
 * adaptation layer is on top.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Type = 0xC006         |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Adaptation Code Point                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param adaptationCodePoint the adaptation layer's code point
 */
public record AdaptationLayerIndicationParameter(int adaptationCodePoint) implements Parameter {

  static AdaptationLayerIndicationParameter parse(byte[] b, int off, int len)
      throws WireFormatException {
    Wire.requireValueLength(len, 4, "AdaptationLayerIndicationParameter");
    return new AdaptationLayerIndicationParameter(Wire.i32(b, off));
  }

  @Override
  public int type() {
    return ParameterType.ADAPTATION_LAYER_INDICATION;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER + 4;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, type(), encodedLength());
    out.putInt(adaptationCodePoint);
  }
}
