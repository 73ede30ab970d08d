package org.jsctp.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Writes hand-made IPv4/UDP/SCTP packets into a classic pcap file (link type RAW), to check that
 * the capture checks catch what they claim to catch. Test-only and deliberately simple: one address
 * pair, no IP options, UDP checksum 0.
 */
final class PcapWriter {

  private final List<byte[]> packets = new ArrayList<>();

  /** An SCTP chunk with its length field set to the body length plus 4, padded to 4 bytes. */
  static byte[] chunk(int type, int flags, byte[] body) {
    return chunk(type, flags, body, 4 + body.length);
  }

  /** An SCTP chunk with an explicit (possibly wrong) length field. */
  static byte[] chunk(int type, int flags, byte[] body, int lengthField) {
    int padded = (4 + body.length + 3) & ~3;
    ByteBuffer b = ByteBuffer.allocate(padded);
    b.put((byte) type).put((byte) flags).putShort((short) lengthField).put(body);
    return b.array();
  }

  /** Common header plus chunks, with a correct CRC32c (little-endian on the wire). */
  static byte[] sctp(int srcPort, int dstPort, long vtag, byte[]... chunks) {
    int len = 12;
    for (byte[] c : chunks) {
      len += c.length;
    }
    ByteBuffer b = ByteBuffer.allocate(len);
    b.putShort((short) srcPort).putShort((short) dstPort).putInt((int) vtag).putInt(0);
    for (byte[] c : chunks) {
      b.put(c);
    }
    byte[] pkt = b.array();
    CRC32C crc = new CRC32C();
    crc.update(pkt);
    ByteBuffer.wrap(pkt, 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue());
    return pkt;
  }

  /** Adds an IPv4/UDP packet 10.201.1.1:srcPort -> 10.201.1.2:dstPort carrying {@code payload}. */
  PcapWriter udp(int srcPort, int dstPort, byte[] payload) {
    return ip(packets.size() + 1, 0x4000, udpDatagram(srcPort, dstPort, payload));
  }

  /** Adds an IPv4 packet with the given id and flags/fragment-offset field, protocol UDP. */
  PcapWriter ip(int id, int flagsAndOffset, byte[] ipPayload) {
    ByteBuffer b = ByteBuffer.allocate(20 + ipPayload.length);
    b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + ipPayload.length));
    b.putShort((short) id).putShort((short) flagsAndOffset);
    b.put((byte) 64).put((byte) 17).putShort((short) 0);
    b.put(new byte[] {10, (byte) 201, 1, 1}).put(new byte[] {10, (byte) 201, 1, 2});
    b.put(ipPayload);
    packets.add(b.array());
    return this;
  }

  static byte[] udpDatagram(int srcPort, int dstPort, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
    b.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (8 + payload.length));
    b.putShort((short) 0).put(payload);
    return b.array();
  }

  void write(Path file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0);
    h.putInt(65535).putInt(101); // LINKTYPE_RAW: the packet starts with the IP header
    out.writeBytes(h.array());
    int i = 0;
    for (byte[] p : packets) {
      ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
      r.putInt(1_700_000_000 + i++).putInt(0).putInt(p.length).putInt(p.length);
      out.writeBytes(r.array());
      out.writeBytes(p);
    }
    try {
      Files.write(file, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
