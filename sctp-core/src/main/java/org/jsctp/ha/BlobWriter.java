package org.jsctp.ha;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jsctp.wire.Bytes;

/** Big-endian fields into a growing array, for {@link SnapshotCodec}. */
final class BlobWriter {

  private byte[] buf = new byte[256];
  private int size;

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }

  int size() {
    return size;
  }

  void u8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
  }

  void bool(boolean v) {
    u8(v ? 1 : 0);
  }

  void u16(int v) {
    ensure(2);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
  }

  void i32(int v) {
    ensure(4);
    buf[size++] = (byte) (v >>> 24);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
  }

  void i64(long v) {
    i32((int) (v >>> 32));
    i32((int) v);
  }

  /** A count before a list. */
  void count(int n) {
    i32(n);
  }

  void bytes(Bytes b) {
    i32(b.length());
    ensure(b.length());
    b.copyTo(buf, size);
    size += b.length();
  }

  void string(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    u16(utf8.length);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, buf, size, utf8.length);
    size += utf8.length;
  }

  /** An address as its length (0 for none, 4 or 16) and its bytes. */
  void address(InetAddress a) {
    if (a == null) {
      u8(0);
      return;
    }
    byte[] raw = a.getAddress();
    u8(raw.length);
    ensure(raw.length);
    System.arraycopy(raw, 0, buf, size, raw.length);
    size += raw.length;
  }

  /** Overwrites 4 bytes at {@code at} (a length written before its content). */
  void patchI32(int at, int v) {
    buf[at] = (byte) (v >>> 24);
    buf[at + 1] = (byte) (v >>> 16);
    buf[at + 2] = (byte) (v >>> 8);
    buf[at + 3] = (byte) v;
  }

  byte[] array() {
    return buf;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }
}
