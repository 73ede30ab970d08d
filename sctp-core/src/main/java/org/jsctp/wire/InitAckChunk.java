package org.jsctp.wire;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * INIT ACK (RFC 9260 section 3.3.3): answers an INIT; carries the mandatory State Cookie. Whether
 * the cookie is there is checked by the protocol, which answers cause 2 otherwise.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 2    |  Chunk Flags  |         Chunk Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Initiate Tag                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Advertised Receiver Window Credit (a_rwnd)           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Number of Outbound Streams   |   Number of Inbound Streams   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Initial TSN                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /              Optional/Variable-Length Parameters              /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param initiateTag the tag the peer must put in every packet it sends (RFC 9260 section 3.3.2)
 * @param advertisedReceiverWindowCredit a_rwnd in bytes, 0..2^32-1
 * @param outboundStreams number of outbound streams the sender wants, 0..65535
 * @param inboundStreams maximum number of inbound streams the sender allows, 0..65535
 * @param initialTsn the first TSN the sender will use
 * @param parameters the optional and variable-length parameters in order
 */
public record InitAckChunk(
    int initiateTag,
    long advertisedReceiverWindowCredit,
    int outboundStreams,
    int inboundStreams,
    int initialTsn,
    List<Parameter> parameters)
    implements Chunk {

  private static final int FIXED = 16;

  /** Checks the field ranges, copies the list and checks the chunk fits a 16-bit Length. */
  public InitAckChunk {
    Wire.checkU32(advertisedReceiverWindowCredit, "advertisedReceiverWindowCredit");
    Wire.checkU16(outboundStreams, "outboundStreams");
    Wire.checkU16(inboundStreams, "inboundStreams");
    parameters = List.copyOf(parameters);
    Wire.checkEncodedLength(Wire.TLV_HEADER + FIXED + TlvLists.length(parameters), "InitAckChunk");
  }

  static InitAckChunk parse(byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueAtLeast(len, FIXED, "INIT ACK");
    return new InitAckChunk(
        Wire.i32(b, off),
        Wire.u32(b, off + 4),
        Wire.u16(b, off + 8),
        Wire.u16(b, off + 10),
        Wire.i32(b, off + 12),
        TlvWalker.PARAMETERS.parse(b, off + FIXED, len - FIXED, "INIT ACK"));
  }

  /** The first parameter of the given record type, if any. */
  public <T extends Parameter> Optional<T> parameter(Class<T> type) {
    return TlvLists.first(parameters, type);
  }

  /** All parameters of the given record type, in order. */
  public <T extends Parameter> List<T> parameters(Class<T> type) {
    return TlvLists.all(parameters, type);
  }

  /**
   * The IPv4 and IPv6 addresses listed, in order (the packet's source address is not among them).
   */
  public List<InetAddress> addresses() {
    return TlvLists.addresses(parameters);
  }

  /** The parameters of types this codec does not know, in order (RFC 9260 section 3.2.1). */
  public List<UnknownParameter> unknownParameters() {
    return TlvLists.all(parameters, UnknownParameter.class);
  }

  /** The value of the State Cookie parameter (RFC 9260 section 3.3.3), if present. */
  public Optional<Bytes> stateCookie() {
    return parameter(StateCookieParameter.class).map(StateCookieParameter::cookie);
  }

  @Override
  public int type() {
    return ChunkType.INIT_ACK;
  }

  @Override
  public int flags() {
    return 0;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER + FIXED + TlvLists.length(parameters);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeChunkHeader(out, type(), 0, encodedLength());
    out.putInt(initiateTag);
    out.putInt((int) advertisedReceiverWindowCredit);
    out.putShort((short) outboundStreams);
    out.putShort((short) inboundStreams);
    out.putInt(initialTsn);
    TlvLists.write(out, parameters);
  }
}
