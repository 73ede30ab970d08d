package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Missing Mandatory Parameter (RFC 9260 section 3.3.10.2): an INIT or INIT ACK lacked mandatory
 * parameters. The count field must agree with the Length.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Cause Code = 2         |   Cause Length = 8 + 2 * N    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Number of missing params = N                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Missing Param Type #1     |     Missing Param Type #2     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Missing Param Type #N-1    |     Missing Param Type #N     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param parameterTypes the missing parameter types
 */
public record MissingMandatoryParameterCause(List<Integer> parameterTypes) implements ErrorCause {

  /** Copies the list and checks every type fits 16 bits. */
  public MissingMandatoryParameterCause {
    parameterTypes = NumberList.U16.checked(parameterTypes, "parameterTypes");
    Wire.checkEncodedLength(
        8 + NumberList.U16.length(parameterTypes), "MissingMandatoryParameterCause");
  }

  static MissingMandatoryParameterCause parse(byte[] b, int off, int len)
      throws WireFormatException {
    Wire.requireValueAtLeast(len, 4, "Missing Mandatory Parameter cause");
    long count = Wire.u32(b, off);
    List<Integer> types =
        NumberList.U16.parse(b, off + 4, len - 4, "Missing Mandatory Parameter cause");
    if (count != types.size()) {
      throw new WireFormatException(
          WireFormatException.Reason.COUNT_MISMATCH,
          "Missing Mandatory Parameter cause: count " + count + " but room for " + types.size());
    }
    return new MissingMandatoryParameterCause(types);
  }

  @Override
  public int code() {
    return CauseCode.MISSING_MANDATORY_PARAMETER;
  }

  @Override
  public int encodedLength() {
    return 8 + NumberList.U16.length(parameterTypes);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, code(), encodedLength());
    out.putInt(parameterTypes.size());
    NumberList.U16.write(out, parameterTypes);
    Wire.writePadding(out, encodedLength());
  }
}
