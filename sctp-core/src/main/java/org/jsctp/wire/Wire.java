package org.jsctp.wire;

import java.nio.ByteBuffer;
import org.jsctp.wire.WireFormatException.Reason;

/**
 * Byte access, padding and length checks shared by the codec. All reads are unchecked: callers
 * check lengths first.
 */
final class Wire {

  /** Size of every chunk, parameter and cause header: type (and flags) plus Length. */
  static final int TLV_HEADER = 4;

  /** Largest value of a 16-bit Length field. */
  static final int MAX_LENGTH = 0xFFFF;

  private Wire() {}

  static int u8(byte[] b, int off) {
    return b[off] & 0xFF;
  }

  static int u16(byte[] b, int off) {
    return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
  }

  static int i32(byte[] b, int off) {
    return (b[off] & 0xFF) << 24
        | (b[off + 1] & 0xFF) << 16
        | (b[off + 2] & 0xFF) << 8
        | (b[off + 3] & 0xFF);
  }

  static long u32(byte[] b, int off) {
    return Integer.toUnsignedLong(i32(b, off));
  }

  /** RFC 9260 section 3.2: chunks and parameters are padded to a multiple of 4 bytes. */
  static int pad4(int length) {
    return (length + 3) & ~3;
  }

  static void writePadding(ByteBuffer out, int length) {
    for (int i = length; (i & 3) != 0; i++) {
      out.put((byte) 0);
    }
  }

  /** Writes a chunk header: type, flags and Length. */
  static void writeChunkHeader(ByteBuffer out, int type, int flags, int length) {
    out.put((byte) type);
    out.put((byte) flags);
    out.putShort((short) length);
  }

  /** Writes a parameter or cause header: type (or code) and Length. */
  static void writeTlvHeader(ByteBuffer out, int type, int length) {
    out.putShort((short) type);
    out.putShort((short) length);
  }

  static void checkU8(int value, String name) {
    if ((value & ~0xFF) != 0) {
      throw new IllegalArgumentException(name + " out of range 0..255: " + value);
    }
  }

  static void checkU16(int value, String name) {
    if ((value & ~0xFFFF) != 0) {
      throw new IllegalArgumentException(name + " out of range 0..65535: " + value);
    }
  }

  static void checkU32(long value, String name) {
    if ((value & ~0xFFFF_FFFFL) != 0) {
      throw new IllegalArgumentException(name + " out of range 0..4294967295: " + value);
    }
  }

  /** Checks that an encoded Length fits the 16-bit field; returns it. */
  static int checkEncodedLength(int length, String what) {
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException(what + " too long for a 16-bit Length field: " + length);
    }
    return length;
  }

  /**
   * A fixed-length type: the value (Length minus the 4-byte header) must be exactly {@code
   * expected}.
   */
  static void requireValueLength(int valueLength, int expected, String what)
      throws WireFormatException {
    if (valueLength != expected) {
      throw new WireFormatException(
          Reason.BAD_LENGTH_FOR_TYPE,
          what
              + " must have Length "
              + (expected + TLV_HEADER)
              + ", has "
              + (valueLength + TLV_HEADER));
    }
  }

  /** A type with fixed fields: the value must hold at least {@code minimum} bytes. */
  static void requireValueAtLeast(int valueLength, int minimum, String what)
      throws WireFormatException {
    if (valueLength < minimum) {
      throw new WireFormatException(
          Reason.TOO_SHORT_FOR_TYPE,
          what
              + " needs Length >= "
              + (minimum + TLV_HEADER)
              + ", has "
              + (valueLength + TLV_HEADER));
    }
  }

  /** A list of fixed-size entries must fill the space exactly. */
  static int entryCount(int listBytes, int entrySize, String what) throws WireFormatException {
    if (listBytes % entrySize != 0) {
      throw new WireFormatException(
          Reason.COUNT_MISMATCH,
          what + ": " + listBytes + " bytes of entries is not a multiple of " + entrySize);
    }
    return listBytes / entrySize;
  }

  /** Parses one IPv4 or IPv6 Address parameter filling exactly {@code b[off, off + len)}. */
  static Parameter parseSingleAddress(byte[] b, int off, int len, String where)
      throws WireFormatException {
    if (len < TLV_HEADER) {
      throw new WireFormatException(
          Reason.TOO_SHORT_FOR_TYPE, where + ": no room for an address parameter");
    }
    int type = u16(b, off);
    int length = u16(b, off + 2);
    if (type != ParameterType.IPV4_ADDRESS && type != ParameterType.IPV6_ADDRESS) {
      throw new WireFormatException(
          Reason.ADDRESS_PARAMETER_EXPECTED,
          where
              + ": expected an IPv4 or IPv6 Address parameter, found "
              + ParameterType.name(type));
    }
    if (length < TLV_HEADER) {
      throw new WireFormatException(
          Reason.PARAMETER_LENGTH_BELOW_4, where + ": address parameter has Length " + length);
    }
    if (length > len) {
      throw new WireFormatException(
          Reason.PARAMETER_PAST_CHUNK_END,
          where
              + ": address parameter has Length "
              + length
              + " but only "
              + len
              + " bytes remain");
    }
    if (length != len) {
      throw new WireFormatException(
          Reason.BAD_LENGTH_FOR_TYPE,
          where + ": " + (len - length) + " bytes follow the address parameter");
    }
    return Parameters.parse(type, b, off + TLV_HEADER, length - TLV_HEADER);
  }

  static Parameter requireAddress(Parameter address, String name) {
    if (!(address instanceof Ipv4AddressParameter) && !(address instanceof Ipv6AddressParameter)) {
      throw new IllegalArgumentException(
          name + " must be an IPv4 or IPv6 Address parameter: " + address);
    }
    return address;
  }

  static String hex16(int value) {
    return "0x" + Integer.toHexString(value);
  }
}
