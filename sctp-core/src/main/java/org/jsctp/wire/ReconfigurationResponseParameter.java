package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Re-configuration Response (RFC 6525 section 4.4), in RE-CONFIG: the result of a request. The two
 * next-TSN fields come together, only in answer to an SSN/TSN Reset Request.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Parameter Type = 16      |       Parameter Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Re-configuration Response Sequence Number           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                            Result                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Sender's Next TSN (optional)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Receiver's Next TSN (optional)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param responseSequence the sequence number of the request answered
 * @param result the result code, 0..6 defined (0..2^32-1 carried)
 * @param senderNextTsn the next TSN the responder will send, with an SSN/TSN reset
 * @param receiverNextTsn the next TSN the responder expects, with an SSN/TSN reset
 */
public record ReconfigurationResponseParameter(
    int responseSequence, long result, OptionalInt senderNextTsn, OptionalInt receiverNextTsn)
    implements Parameter {

  /** Result 0: success, nothing to do. */
  public static final long SUCCESS_NOTHING_TO_DO = 0;

  /** Result 1: success, performed. */
  public static final long SUCCESS_PERFORMED = 1;

  /** Result 2: denied. */
  public static final long DENIED = 2;

  /** Result 3: error, wrong SSN. */
  public static final long ERROR_WRONG_SSN = 3;

  /** Result 4: error, request already in progress. */
  public static final long ERROR_REQUEST_IN_PROGRESS = 4;

  /** Result 5: error, bad sequence number. */
  public static final long ERROR_BAD_SEQUENCE_NUMBER = 5;

  /** Result 6: in progress. */
  public static final long IN_PROGRESS = 6;

  /** Checks the result fits 32 bits and that both next-TSN fields are present or both absent. */
  public ReconfigurationResponseParameter {
    Wire.checkU32(result, "result");
    Objects.requireNonNull(senderNextTsn, "senderNextTsn");
    Objects.requireNonNull(receiverNextTsn, "receiverNextTsn");
    if (senderNextTsn.isPresent() != receiverNextTsn.isPresent()) {
      throw new IllegalArgumentException("senderNextTsn and receiverNextTsn come together");
    }
  }

  /** A response without the next-TSN fields. */
  public ReconfigurationResponseParameter(int responseSequence, long result) {
    this(responseSequence, result, OptionalInt.empty(), OptionalInt.empty());
  }

  static ReconfigurationResponseParameter parse(byte[] b, int off, int len)
      throws WireFormatException {
    // RFC 6525 section 4.4: Length is 12, or 20 with both next-TSN fields.
    if (len == 8) {
      return new ReconfigurationResponseParameter(Wire.i32(b, off), Wire.u32(b, off + 4));
    }
    Wire.requireValueLength(len, 16, "Re-configuration Response parameter");
    return new ReconfigurationResponseParameter(
        Wire.i32(b, off),
        Wire.u32(b, off + 4),
        OptionalInt.of(Wire.i32(b, off + 8)),
        OptionalInt.of(Wire.i32(b, off + 12)));
  }

  @Override
  public int type() {
    return ParameterType.RECONFIGURATION_RESPONSE;
  }

  @Override
  public int encodedLength() {
    return senderNextTsn.isPresent() ? 20 : 12;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, type(), encodedLength());
    out.putInt(responseSequence);
    out.putInt((int) result);
    if (senderNextTsn.isPresent()) {
      out.putInt(senderNextTsn.getAsInt());
      out.putInt(receiverNextTsn.getAsInt());
    }
  }
}
