package org.jsctp.testkit.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run as a classic libpcap file with nanosecond timestamps (magic {@code 0xa1b23c4d},
 * big-endian) and {@code LINKTYPE_RAW}: each record is an IPv4 or IPv6 packet with a UDP header
 * carrying the real encapsulation ports. Timestamps are virtual time since {@link SimTime#ORIGIN}
 * (shown as 1970-01-01). Decode SCTP with {@code tshark -r run.pcap -d udp.port==9899,sctp}.
 */
public final class PcapWriter {

  /** Magic number of a nanosecond-resolution libpcap file. */
  public static final int MAGIC_NANOSECONDS = 0xA1B23C4D;

  /** LINKTYPE_RAW: each packet starts with an IPv4 or IPv6 header. */
  public static final int LINKTYPE_RAW = 101;

  private static final int SNAPLEN = 65535;
  private static final int GLOBAL_HEADER_LENGTH = 24;
  private static final int RECORD_HEADER_LENGTH = 16;

  private PcapWriter() {}

  /** Writes the capture of {@code trace} taken at {@code point} to {@code file}. */
  public static Path write(Path file, Trace trace, CapturePoint point) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.write(file, toBytes(trace, point));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The capture of {@code trace} taken at {@code point}, as file bytes. */
  public static byte[] toBytes(Trace trace, CapturePoint point) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(globalHeader());
    if (point == CapturePoint.SENDER) {
      for (SimDatagram datagram : trace.sent()) {
        writeRecord(out, datagram.sentAtNanos(), datagram);
      }
    } else {
      List<DatagramRecord> delivered = trace.withFate(Fate.DELIVERED);
      for (DatagramRecord record : delivered) {
        writeRecord(out, record.fateAtNanos(), record.datagram());
      }
    }
    return out.toByteArray();
  }

  private static byte[] globalHeader() {
    return ByteBuffer.allocate(GLOBAL_HEADER_LENGTH)
        .putInt(MAGIC_NANOSECONDS)
        .putShort((short) 2)
        .putShort((short) 4)
        .putInt(0)
        .putInt(0)
        .putInt(SNAPLEN)
        .putInt(LINKTYPE_RAW)
        .array();
  }

  private static void writeRecord(ByteArrayOutputStream out, long time, SimDatagram datagram) {
    if (datagram.source().getAddress().length != datagram.destination().getAddress().length) {
      return;
    }
    byte[] frame = IpUdpFrame.of(datagram);
    int captured = Math.min(frame.length, SNAPLEN);
    long elapsed = Math.max(0, time - SimTime.ORIGIN);
    out.writeBytes(ByteBuffer.allocate(RECORD_HEADER_LENGTH)
        .putInt((int) (elapsed / 1_000_000_000L))
        .putInt((int) (elapsed % 1_000_000_000L))
        .putInt(captured)
        .putInt(frame.length)
        .array());
    out.write(frame, 0, captured);
  }
}
