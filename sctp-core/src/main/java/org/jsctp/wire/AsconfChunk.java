package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * ASCONF (RFC 5061 section 3.1.1): asks the peer to change the association's addresses. The Address
 * Parameter names an address of the sender's (the wildcard address behind NAT) and is followed by
 * the requests (Add IP Address, Delete IP Address, Set Primary Address, ...).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Type = 0xC1  |  Chunk Flags  |         Chunk Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                       Address Parameter                       /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                      ASCONF Parameter #1                      /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              ...                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                      ASCONF Parameter #N                      /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param serialNumber the ASCONF serial number (serial arithmetic)
 * @param address an {@link Ipv4AddressParameter} or {@link Ipv6AddressParameter}
 * @param parameters the requests, in order
 */
public record AsconfChunk(int serialNumber, Parameter address, List<Parameter> parameters)
    implements Chunk {

  /** Checks the address parameter, copies the list and checks the chunk fits a 16-bit Length. */
  public AsconfChunk {
    Wire.requireAddress(address, "address");
    parameters = TlvLists.checkedCopy(parameters, 8 + address.encodedLength(), "AsconfChunk");
  }

  static AsconfChunk parse(byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueAtLeast(len, 4, "ASCONF");
    List<Parameter> all = TlvWalker.PARAMETERS.parse(b, off + 4, len - 4, "ASCONF");
    if (all.isEmpty()) {
      throw new WireFormatException(
          WireFormatException.Reason.TOO_SHORT_FOR_TYPE, "ASCONF without an Address Parameter");
    }
    // RFC 5061 section 3.1.1: the first parameter is the sender's IPv4 or IPv6 address.
    Parameter address = all.get(0);
    if (!(address instanceof Ipv4AddressParameter) && !(address instanceof Ipv6AddressParameter)) {
      throw new WireFormatException(
          WireFormatException.Reason.ADDRESS_PARAMETER_EXPECTED,
          "ASCONF: first parameter must be an IPv4 or IPv6 Address, is "
              + ParameterType.name(address.type()));
    }
    return new AsconfChunk(Wire.i32(b, off), address, all.subList(1, all.size()));
  }

  @Override
  public int type() {
    return ChunkType.ASCONF;
  }

  @Override
  public int flags() {
    return 0;
  }

  @Override
  public int encodedLength() {
    return 8 + address.encodedLength() + TlvLists.length(parameters);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeChunkHeader(out, ChunkType.ASCONF, 0, encodedLength());
    out.putInt(serialNumber);
    address.writeTo(out);
    TlvLists.write(out, parameters);
  }
}
