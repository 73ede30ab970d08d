package org.jsctp.path;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.jsctp.wire.Bytes;

/**
 * What this stack puts into the Heartbeat Information of its HEARTBEATs (RFC 9260 section
 * 3.3.5: opaque to the peer, echoed back unchanged): a 64-bit nonce, the send time and the
 * destination address. The nonce both confirms an address (section 5.4) and proves the HEARTBEAT
 * ACK answers our latest heartbeat.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Nonce (64 bits)                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Send time (64 bits, ns)                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Length     |   Address (4 or 16 bytes) ...                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param nonce the nonce
 * @param sentAt the send time in the core's nanoseconds
 * @param address the destination the heartbeat was sent to
 */
public record HeartbeatInfo(long nonce, long sentAt, InetAddress address) {

  public Bytes encode() {
    byte[] raw = address.getAddress();
    ByteBuffer b = ByteBuffer.allocate(17 + raw.length);
    b.putLong(nonce).putLong(sentAt).put((byte) raw.length).put(raw);
    return Bytes.wrap(b.array());
  }

  /** Decodes our own format; returns null for anything else (a forged or foreign echo). */
  public static HeartbeatInfo decode(Bytes info) {
    int len = info.length();
    if (len != 17 + 4 && len != 17 + 16) {
      return null;
    }
    ByteBuffer b = info.asReadOnlyByteBuffer();
    long nonce = b.getLong();
    long sentAt = b.getLong();
    int addrLen = b.get() & 0xFF;
    if (addrLen != len - 17) {
      return null;
    }
    byte[] raw = new byte[addrLen];
    b.get(raw);
    try {
      return new HeartbeatInfo(nonce, sentAt, InetAddress.getByAddress(raw));
    } catch (UnknownHostException e) {
      return null;
    }
  }

  public boolean isIpv4() {
    return address instanceof Inet4Address;
  }
}
