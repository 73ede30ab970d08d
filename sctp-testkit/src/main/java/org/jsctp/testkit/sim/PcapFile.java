package org.jsctp.testkit.sim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An independent reader of classic libpcap files, for checking what {@link PcapWriter} writes. */
final class PcapFile {

  record Header(int magic, int major, int minor, int snaplen, int linktype) {}

  record Packet(long seconds, long fraction, int capturedLength, int originalLength, byte[] data) {}

  final Header header;
  final List<Packet> packets = new ArrayList<>();

  private PcapFile(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int magic = in.getInt();
    if (magic != 0xA1B2C3D4 && magic != 0xA1B23C4D) {
      in.order(ByteOrder.LITTLE_ENDIAN);
      in.position(0);
      magic = in.getInt();
      if (magic != 0xA1B2C3D4 && magic != 0xA1B23C4D) {
        throw new IllegalArgumentException("not a pcap file: magic " + Integer.toHexString(magic));
      }
    }
    int major = in.getShort() & 0xFFFF;
    int minor = in.getShort() & 0xFFFF;
    in.getInt();
    in.getInt();
    header = new Header(magic, major, minor, in.getInt(), in.getInt());
    while (in.hasRemaining()) {
      long seconds = in.getInt() & 0xFFFFFFFFL;
      long fraction = in.getInt() & 0xFFFFFFFFL;
      int captured = in.getInt();
      int original = in.getInt();
      byte[] data = new byte[captured];
      in.get(data);
      packets.add(new Packet(seconds, fraction, captured, original, data));
    }
  }

  static PcapFile parse(byte[] bytes) {
    return new PcapFile(bytes);
  }

  /** The IP and UDP view of one captured packet, with its checksums verified. */
  record IpUdp(int version, byte[] source, byte[] destination, int protocol, int sourcePort,
      int destinationPort, int udpLength, boolean ipChecksumValid, boolean udpChecksumValid,
      byte[] payload) {}

  static IpUdp decode(byte[] data) {
    ByteBuffer in = ByteBuffer.wrap(data);
    int version = (data[0] & 0xF0) >>> 4;
    int headerLength;
    byte[] source;
    byte[] destination;
    int protocol;
    boolean ipValid;
    if (version == 4) {
      headerLength = (data[0] & 0x0F) * 4;
      protocol = data[9] & 0xFF;
      source = Arrays.copyOfRange(data, 12, 16);
      destination = Arrays.copyOfRange(data, 16, 20);
      ipValid = onesComplementSum(Arrays.copyOfRange(data, 0, headerLength), 0) == 0xFFFF
          && (in.getShort(2) & 0xFFFF) == data.length;
    } else {
      headerLength = 40;
      protocol = data[6] & 0xFF;
      source = Arrays.copyOfRange(data, 8, 24);
      destination = Arrays.copyOfRange(data, 24, 40);
      ipValid = (in.getShort(4) & 0xFFFF) == data.length - 40;
    }
    byte[] udp = Arrays.copyOfRange(data, headerLength, data.length);
    ByteBuffer u = ByteBuffer.wrap(udp);
    int udpLength = u.getShort(4) & 0xFFFF;
    long pseudo = words(source) + words(destination) + protocol + udp.length;
    boolean udpValid = onesComplementSum(udp, pseudo) == 0xFFFF;
    return new IpUdp(version, source, destination, protocol, u.getShort(0) & 0xFFFF,
        u.getShort(2) & 0xFFFF, udpLength, ipValid, udpValid, Arrays.copyOfRange(udp, 8, udp.length));
  }

  private static long words(byte[] bytes) {
    long sum = 0;
    for (int i = 0; i < bytes.length; i += 2) {
      sum += ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
    }
    return sum;
  }

  private static int onesComplementSum(byte[] bytes, long initial) {
    long sum = initial;
    for (int i = 0; i < bytes.length; i += 2) {
      int high = bytes[i] & 0xFF;
      int low = i + 1 < bytes.length ? bytes[i + 1] & 0xFF : 0;
      sum += (high << 8) | low;
    }
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xFFFF) + (sum >>> 16);
    }
    return (int) sum;
  }
}
