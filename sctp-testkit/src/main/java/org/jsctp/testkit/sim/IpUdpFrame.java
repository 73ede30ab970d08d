package org.jsctp.testkit.sim;

import java.net.Inet4Address;
import java.nio.ByteBuffer;

/**
 * Wraps an SCTP packet in the UDP datagram and IP packet it travelled in (RFC 6951 section 5.3),
 * with valid IPv4 header and UDP checksums, so that capture tools decode it. IPv4 packets carry
 * the don't-fragment bit unless the sender allowed fragmentation; they are written whole, as the
 * receiver reassembles them.
 */
final class IpUdpFrame {

  private static final int PROTOCOL_UDP = 17;
  private static final int TTL = 64;

  private IpUdpFrame() {}

  /** The IPv4 or IPv6 packet carrying {@code datagram}; IPv4 identification is the datagram id. */
  static byte[] of(SimDatagram datagram) {
    byte[] source = datagram.source().getAddress();
    byte[] destination = datagram.destination().getAddress();
    if (source.length != destination.length) {
      throw new IllegalArgumentException("mixed address families cannot be framed: " + datagram);
    }
    byte[] udp = udp(datagram, source, destination);
    return datagram.source() instanceof Inet4Address
        ? ipv4(source, destination, (int) datagram.id(), datagram.fragmentable(), udp)
        : ipv6(source, destination, udp);
  }

  private static byte[] udp(SimDatagram datagram, byte[] source, byte[] destination) {
    byte[] payload = datagram.packetUnsafe();
    int length = SimDatagram.UDP_HEADER_LENGTH + payload.length;
    ByteBuffer udp = ByteBuffer.allocate(length);
    udp.putShort((short) datagram.sourcePort())
        .putShort((short) datagram.destinationPort())
        .putShort((short) length)
        .putShort((short) 0)
        .put(payload);
    byte[] bytes = udp.array();
    long sum = sum(source) + sum(destination) + PROTOCOL_UDP + length + sum(bytes);
    int checksum = fold(sum);
    if (checksum == 0) {
      checksum = 0xFFFF;
    }
    bytes[6] = (byte) (checksum >>> 8);
    bytes[7] = (byte) checksum;
    return bytes;
  }

  private static byte[] ipv4(byte[] source, byte[] destination, int identification,
      boolean fragmentable, byte[] udp) {
    ByteBuffer ip = ByteBuffer.allocate(SimDatagram.IPV4_HEADER_LENGTH + udp.length);
    ip.put((byte) 0x45).put((byte) 0)
        .putShort((short) (SimDatagram.IPV4_HEADER_LENGTH + udp.length))
        .putShort((short) identification)
        .putShort((short) (fragmentable ? 0 : 0x4000))
        .put((byte) TTL).put((byte) PROTOCOL_UDP)
        .putShort((short) 0)
        .put(source).put(destination);
    byte[] bytes = ip.array();
    byte[] header = new byte[SimDatagram.IPV4_HEADER_LENGTH];
    System.arraycopy(bytes, 0, header, 0, header.length);
    int checksum = fold(sum(header));
    bytes[10] = (byte) (checksum >>> 8);
    bytes[11] = (byte) checksum;
    System.arraycopy(udp, 0, bytes, SimDatagram.IPV4_HEADER_LENGTH, udp.length);
    return bytes;
  }

  private static byte[] ipv6(byte[] source, byte[] destination, byte[] udp) {
    ByteBuffer ip = ByteBuffer.allocate(SimDatagram.IPV6_HEADER_LENGTH + udp.length);
    ip.putInt(0x6000_0000)
        .putShort((short) udp.length)
        .put((byte) PROTOCOL_UDP).put((byte) TTL)
        .put(source).put(destination)
        .put(udp);
    return ip.array();
  }

  /** Sum of big-endian 16-bit words, an odd last byte padded with zero (RFC 1071). */
  static long sum(byte[] bytes) {
    long sum = 0;
    for (int i = 0; i + 1 < bytes.length; i += 2) {
      sum += ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
    }
    if ((bytes.length & 1) != 0) {
      sum += (bytes[bytes.length - 1] & 0xFF) << 8;
    }
    return sum;
  }

  /** The one's complement of the one's-complement sum. */
  static int fold(long sum) {
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xFFFF) + (sum >>> 16);
    }
    return (int) (~sum & 0xFFFF);
  }
}
