package org.jsctp.path;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.jsctp.wire.Bytes;

/**
 * What this stack puts into the Heartbeat Information of its HEARTBEATs (RFC 9260 section
 * 3.3.5: opaque to the peer, echoed back unchanged): a 64-bit nonce, the send time and the
 * destination address; in a PLPMTUD probe (RFC 8899 section 6.2), also the size of the probe
 * packet. The nonce both confirms an address (section 5.4) and proves the HEARTBEAT ACK answers
 * our latest heartbeat or probe.
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
 * |  Probe size (16 bits, probes only)  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param nonce the nonce
 * @param sentAt the send time in the core's nanoseconds
 * @param address the destination the heartbeat was sent to
 * @param probeSize the IP packet size of a PLPMTUD probe, 1..65535; 0 for a plain heartbeat
 */
public record HeartbeatInfo(long nonce, long sentAt, InetAddress address, int probeSize) {

  private static final int FIXED = 17;
  private static final int PROBE_FIELD = 2;

  /** A plain heartbeat's information. */
  public HeartbeatInfo(long nonce, long sentAt, InetAddress address) {
    this(nonce, sentAt, address, 0);
  }

  public HeartbeatInfo {
    if (probeSize < 0 || probeSize > 0xFFFF) {
      throw new IllegalArgumentException("probeSize out of range 0..65535: " + probeSize);
    }
  }

  /** Whether this is the information of a PLPMTUD probe. */
  public boolean isProbe() {
    return probeSize != 0;
  }

  public Bytes encode() {
    byte[] raw = address.getAddress();
    ByteBuffer b = ByteBuffer.allocate(FIXED + raw.length + (isProbe() ? PROBE_FIELD : 0));
    b.putLong(nonce).putLong(sentAt).put((byte) raw.length).put(raw);
    if (isProbe()) {
      b.putShort((short) probeSize);
    }
    return Bytes.wrap(b.array());
  }

  /** Decodes our own format; returns null for anything else (a forged or foreign echo). */
  public static HeartbeatInfo decode(Bytes info) {
    int len = info.length();
    if (len < FIXED + 4) {
      return null;
    }
    ByteBuffer b = info.asReadOnlyByteBuffer();
    long nonce = b.getLong();
    long sentAt = b.getLong();
    int addrLen = b.get() & 0xFF;
    int rest = len - FIXED - addrLen;
    if ((addrLen != 4 && addrLen != 16) || (rest != 0 && rest != PROBE_FIELD)) {
      return null;
    }
    byte[] raw = new byte[addrLen];
    b.get(raw);
    int probeSize = rest == PROBE_FIELD ? b.getShort() & 0xFFFF : 0;
    if (rest == PROBE_FIELD && probeSize == 0) {
      return null;
    }
    try {
      return new HeartbeatInfo(nonce, sentAt, InetAddress.getByAddress(raw), probeSize);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  public boolean isIpv4() {
    return address instanceof Inet4Address;
  }
}
