package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Restart of an Association with New Encapsulation Port (cause 14,
 * draft-tuexen-tsvwg-sctp-udp-encaps-cons; Linux {@code SCTP_ERROR_NEW_ENCAP_PORT}): an INIT for an
 * existing association came from another UDP encapsulation port.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Cause Code = 14        |       Cause Length = 8        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Current Encapsulation Port   |    New Encapsulation Port     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param currentPort the UDP port the association uses now
 * @param newPort the UDP port the INIT came from
 */
public record RestartWithNewEncapsulationPortCause(int currentPort, int newPort)
    implements ErrorCause {

  /** Checks the ports fit 16 bits. */
  public RestartWithNewEncapsulationPortCause {
    Wire.checkU16(currentPort, "currentPort");
    Wire.checkU16(newPort, "newPort");
  }

  static RestartWithNewEncapsulationPortCause parse(byte[] b, int off, int len)
      throws WireFormatException {
    Wire.requireValueLength(len, 4, "Restart with New Encapsulation Port cause");
    return new RestartWithNewEncapsulationPortCause(Wire.u16(b, off), Wire.u16(b, off + 2));
  }

  @Override
  public int code() {
    return CauseCode.RESTART_WITH_NEW_ENCAPSULATION_PORT;
  }

  @Override
  public int encodedLength() {
    return 8;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, code(), 8);
    out.putShort((short) currentPort);
    out.putShort((short) newPort);
  }
}
