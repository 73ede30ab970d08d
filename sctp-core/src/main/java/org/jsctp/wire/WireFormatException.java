package org.jsctp.wire;

/**
 * A packet, chunk, parameter or error cause that breaks the wire format. The message names the
 * offending type and offset; {@link #reason()} classifies the fault for counters and tests.
 *
 * <p>The exception carries no stack trace: it is thrown for hostile input and must stay cheap.
 */
public final class WireFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What is wrong. */
  public enum Reason {
    /** The CRC32c in the common header does not match the packet (RFC 9260 section 6.8). */
    BAD_CHECKSUM,
    /** Fewer than 12 bytes: no room for the common header. */
    TRUNCATED_HEADER,
    /** Source or destination port 0 (RFC 9260 section 3.1). */
    ZERO_PORT,
    /** A chunk Length field below 4. */
    CHUNK_LENGTH_BELOW_4,
    /** A chunk, or the 4-byte header of one, runs past the end of the packet. */
    CHUNK_PAST_PACKET_END,
    /** The packet ends inside the zero padding of its last chunk (RFC 9260 section 3.2). */
    BAD_PADDING,
    /** A parameter Length field below 4. */
    PARAMETER_LENGTH_BELOW_4,
    /** A parameter runs past the end of the chunk or parameter holding it. */
    PARAMETER_PAST_CHUNK_END,
    /** An error cause Length field below 4. */
    CAUSE_LENGTH_BELOW_4,
    /** An error cause runs past the end of the chunk or parameter holding it. */
    CAUSE_PAST_CHUNK_END,
    /** A chunk, parameter or cause shorter than the fixed fields of its type. */
    TOO_SHORT_FOR_TYPE,
    /** A count or list (gap blocks, duplicate TSNs, stream numbers) disagrees with the length. */
    COUNT_MISMATCH,
    /** A fixed-length chunk, parameter or cause with another length. */
    BAD_LENGTH_FOR_TYPE,
    /** A packet with a common header and no chunk. */
    NO_CHUNKS,
    /** A field that must hold an IPv4 or IPv6 Address parameter holds another type. */
    ADDRESS_PARAMETER_EXPECTED
  }

  private final Reason reason;
  private final String detail;

  /** Creates an exception for {@code reason} with a message naming the offending element. */
  public WireFormatException(Reason reason, String detail) {
    super(reason + ": " + detail, null, false, false);
    this.reason = reason;
    this.detail = detail;
  }

  /** The same fault with {@code context} (such as the enclosing chunk and offset) in front. */
  WireFormatException within(String context) {
    return new WireFormatException(reason, context + ": " + detail);
  }

  /** What is wrong. */
  public Reason reason() {
    return reason;
  }
}
