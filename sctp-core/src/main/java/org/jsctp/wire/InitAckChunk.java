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
    implements Chunk, InitFields.Values {

  /** Checks the field ranges, copies the list and checks the chunk fits a 16-bit Length. */
  public InitAckChunk {
    InitFields.checkRanges(advertisedReceiverWindowCredit, outboundStreams, inboundStreams);
    parameters = TlvLists.checkedCopy(parameters, InitFields.HEADER_LENGTH, "InitAckChunk");
  }

  static InitAckChunk parse(byte[] b, int off, int len) throws WireFormatException {
    return InitFields.parse(b, off, len, "INIT ACK", InitAckChunk::new);
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
    return InitFields.encodedLength(parameters);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    InitFields.writeChunk(out, type(), this);
  }
}
