package org.jsctp.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.jsctp.wire.WireFormatException.Reason;

/**
 * Walks a list of parameters or of error causes: checks each item's header and Length against the
 * room left, then hands its value to the decoder of its type.
 *
 * @param <T> parameters or causes
 */
final class TlvWalker<T extends Tlv> {

  /** Decodes one item; the walker has checked that the value lies inside the input. */
  @FunctionalInterface
  interface Decoder<T> {
    T decode(int type, byte[] b, int off, int len) throws WireFormatException;
  }

  static final TlvWalker<Parameter> PARAMETERS =
      new TlvWalker<>(
          "parameter",
          ParameterType::name,
          Reason.PARAMETER_LENGTH_BELOW_4,
          Reason.PARAMETER_PAST_CHUNK_END,
          8,
          Parameters::parse);

  static final TlvWalker<ErrorCause> CAUSES =
      new TlvWalker<>(
          "cause",
          CauseCode::name,
          Reason.CAUSE_LENGTH_BELOW_4,
          Reason.CAUSE_PAST_CHUNK_END,
          4,
          ErrorCauses::parse);

  private final String item;
  private final IntFunction<String> typeName;
  private final Reason lengthBelow4;
  private final Reason pastEnd;
  private final int usualCount;
  private final Decoder<T> decoder;

  private TlvWalker(
      String item,
      IntFunction<String> typeName,
      Reason lengthBelow4,
      Reason pastEnd,
      int usualCount,
      Decoder<T> decoder) {
    this.item = item;
    this.typeName = typeName;
    this.lengthBelow4 = lengthBelow4;
    this.pastEnd = pastEnd;
    this.usualCount = usualCount;
    this.decoder = decoder;
  }

  /**
   * Decodes the items filling {@code b[off, off + len)}. Every item but the last one is followed by
   * its padding; the last one's padding may lie outside the range (RFC 9260 section 3.2).
   *
   * @param where the chunk or parameter holding the list, for messages
   */
  List<T> parse(byte[] b, int off, int len, String where) throws WireFormatException {
    if (len == 0) {
      return List.of();
    }
    List<T> out = new ArrayList<>(Math.min(usualCount, len / Wire.TLV_HEADER));
    int end = off + len;
    int p = off;
    while (p < end) {
      int left = end - p;
      if (left < Wire.TLV_HEADER) {
        throw new WireFormatException(
            pastEnd,
            where
                + ": "
                + left
                + " bytes left at offset "
                + (p - off)
                + ", too few for a "
                + item
                + " header");
      }
      int type = Wire.u16(b, p);
      int length = Wire.u16(b, p + 2);
      // RFC 9260 section 3.2: a Length below 4 would never advance.
      if (length < Wire.TLV_HEADER) {
        throw new WireFormatException(
            lengthBelow4, describe(where, type, p - off) + " has Length " + length);
      }
      if (length > left) {
        throw new WireFormatException(
            pastEnd,
            describe(where, type, p - off)
                + " has Length "
                + length
                + " but only "
                + left
                + " bytes remain");
      }
      out.add(decoder.decode(type, b, p + Wire.TLV_HEADER, length - Wire.TLV_HEADER));
      p += Wire.pad4(length);
    }
    return List.copyOf(out);
  }

  private String describe(String where, int type, int offset) {
    return where + ": " + item + " " + typeName.apply(type) + " at offset " + offset;
  }
}
