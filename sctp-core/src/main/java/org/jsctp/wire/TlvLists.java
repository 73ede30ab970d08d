package org.jsctp.wire;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists of parameters or error causes inside a chunk or parameter: their length and encoding, and
 * the look-ups the records carrying them offer.
 */
final class TlvLists {

  private TlvLists() {}

  /**
   * A copy of {@code items}, checked to fit a 16-bit Length after {@code before} bytes of header
   * and fixed fields.
   */
  static <T extends Tlv> List<T> checkedCopy(List<T> items, int before, String what) {
    List<T> copy = List.copyOf(items);
    Wire.checkEncodedLength(before + length(copy), what);
    return copy;
  }

  /**
   * RFC 9260 section 3.2: a Length counts the padding of every inner parameter (or cause) but the
   * last one. The same rule is used for causes and for parameters nested in parameters.
   */
  static int length(List<? extends Tlv> items) {
    int total = 0;
    int n = items.size();
    for (int i = 0; i < n; i++) {
      Tlv item = items.get(i);
      total += i == n - 1 ? item.encodedLength() : Wire.pad4(item.encodedLength());
    }
    return total;
  }

  /** Writes every item with its padding. */
  static void write(ByteBuffer out, List<? extends Tlv> items) {
    for (int i = 0, n = items.size(); i < n; i++) {
      items.get(i).writeTo(out);
    }
  }

  /** The Length of a chunk whose whole value is the list. */
  static int chunkLength(List<? extends Tlv> items) {
    return Wire.TLV_HEADER + length(items);
  }

  /** Writes a chunk whose whole value is the list: header, then the items with their padding. */
  static void writeChunk(ByteBuffer out, int type, int flags, List<? extends Tlv> items) {
    Wire.writeChunkHeader(out, type, flags, chunkLength(items));
    write(out, items);
  }

  static <T extends Tlv> Optional<T> first(List<? extends Tlv> items, Class<T> type) {
    for (Tlv item : items) {
      if (type.isInstance(item)) {
        return Optional.of(type.cast(item));
      }
    }
    return Optional.empty();
  }

  static <T extends Tlv> List<T> all(List<? extends Tlv> items, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Tlv item : items) {
      if (type.isInstance(item)) {
        out.add(type.cast(item));
      }
    }
    return List.copyOf(out);
  }

  static List<InetAddress> addresses(List<Parameter> parameters) {
    List<InetAddress> out = new ArrayList<>();
    for (Parameter p : parameters) {
      if (p instanceof Ipv4AddressParameter v4) {
        out.add(v4.address());
      } else if (p instanceof Ipv6AddressParameter v6) {
        out.add(v6.address());
      }
    }
    return List.copyOf(out);
  }
}
