package org.jsctp.ha;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.jsctp.wire.Bytes;

/**
 * Big-endian fields out of an array, every read checked against the end, for {@link
 * SnapshotCodec}. Byte strings are copied, so a decoded value shares nothing with the blob.
 */
final class BlobReader {

  private final byte[] buf;
  private int pos;
  private final int end;

  BlobReader(byte[] buf, int pos, int end) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  int remaining() {
    return end - pos;
  }

  private void need(int n, String what) {
    if (n < 0 || end - pos < n) {
      throw new SnapshotFormatException(SnapshotFormatException.Reason.TRUNCATED,
          what + " needs " + n + " bytes at offset " + pos + ", " + (end - pos) + " left");
    }
  }

  int u8(String what) {
    need(1, what);
    return buf[pos++] & 0xFF;
  }

  boolean bool(String what) {
    int v = u8(what);
    if (v > 1) {
      throw malformed(what + " is " + v + ", not a boolean");
    }
    return v == 1;
  }

  int u16(String what) {
    need(2, what);
    int v = (buf[pos] & 0xFF) << 8 | (buf[pos + 1] & 0xFF);
    pos += 2;
    return v;
  }

  int i32(String what) {
    need(4, what);
    int v = (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8
        | (buf[pos + 3] & 0xFF);
    pos += 4;
    return v;
  }

  long i64(String what) {
    long hi = i32(what) & 0xFFFF_FFFFL;
    long lo = i32(what) & 0xFFFF_FFFFL;
    return hi << 32 | lo;
  }

  /** A list count, refused when the bytes left could not hold that many entries. */
  int count(String what, int minEntryBytes) {
    int n = i32(what);
    if (n < 0 || (long) n * minEntryBytes > remaining()) {
      throw malformed(what + " count " + n + " does not fit the " + remaining() + " bytes left");
    }
    return n;
  }

  Bytes bytes(String what) {
    int n = i32(what);
    need(n, what);
    byte[] copy = new byte[n];
    System.arraycopy(buf, pos, copy, 0, n);
    pos += n;
    return Bytes.wrap(copy);
  }

  String string(String what) {
    int n = u16(what);
    need(n, what);
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  InetAddress address(String what) {
    int n = u8(what);
    if (n == 0) {
      return null;
    }
    if (n != 4 && n != 16) {
      throw malformed(what + " has " + n + " address bytes, not 4 or 16");
    }
    need(n, what);
    byte[] raw = new byte[n];
    System.arraycopy(buf, pos, raw, 0, n);
    pos += n;
    try {
      return InetAddress.getByAddress(raw);
    } catch (UnknownHostException e) {
      throw malformed(what + ": " + e.getMessage());
    }
  }

  InetAddress requiredAddress(String what) {
    InetAddress a = address(what);
    if (a == null) {
      throw malformed(what + " is missing");
    }
    return a;
  }

  <E extends Enum<E>> E enumValue(E[] values, String what) {
    int v = u8(what);
    if (v >= values.length) {
      throw malformed(what + " " + v + " is not one of the " + values.length + " known values");
    }
    return values[v];
  }

  static SnapshotFormatException malformed(String message) {
    return new SnapshotFormatException(SnapshotFormatException.Reason.MALFORMED, message);
  }
}
