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
    return new AdaptationLayerIndicationParameter(
        Int32Value.parse(b, off, len, "AdaptationLayerIndicationParameter"));
  }

  @Override
  public int type() {
    return ParameterType.ADAPTATION_LAYER_INDICATION;
  }

  @Override
  public int encodedLength() {
    return Int32Value.ENCODED_LENGTH;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Int32Value.writeTlv(out, type(), adaptationCodePoint);
  }
}
