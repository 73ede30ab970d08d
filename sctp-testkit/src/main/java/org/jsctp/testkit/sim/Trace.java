package org.jsctp.testkit.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every datagram of a run: the datagrams in the order they were sent, and a {@link
 * DatagramRecord} per copy in the order their fates became known. Two runs with the same seed
 * have equal traces. The lists are live, read-only views.
 */
public final class Trace {

  private final List<SimDatagram> sent = new ArrayList<>();
  private final List<DatagramRecord> records = new ArrayList<>();

  Trace() {}

  /** Every datagram handed to the network, in order of sending (which is time order). */
  public List<SimDatagram> sent() {
    return Collections.unmodifiableList(sent);
  }

  /** Every copy whose fate is known, in the order of those fates (which is time order). */
  public List<DatagramRecord> records() {
    return Collections.unmodifiableList(records);
  }

  /** The records that match {@code predicate}. */
  public List<DatagramRecord> where(Predicate<DatagramRecord> predicate) {
    List<DatagramRecord> matching = new ArrayList<>();
    for (DatagramRecord record : records) {
      if (predicate.test(record)) {
        matching.add(record);
      }
    }
    return matching;
  }

  /** The records of the link from {@code source} to {@code destination}. */
  public List<DatagramRecord> onLink(InetAddress source, InetAddress destination) {
    return where(r -> r.datagram().source().equals(source)
        && r.datagram().destination().equals(destination));
  }

  /** The records of datagrams holding a chunk of {@code chunkType}. */
  public List<DatagramRecord> withChunk(int chunkType) {
    return where(r -> r.datagram().containsChunk(chunkType));
  }

  /** The records with {@code fate}. */
  public List<DatagramRecord> withFate(Fate fate) {
    return where(r -> r.fate() == fate);
  }

  /** One {@link DatagramRecord#line()} per record. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>(records.size());
    for (DatagramRecord record : records) {
      lines.add(record.line());
    }
    return lines;
  }

  /**
   * CSV for timeline plots, one row per record, times in nanoseconds since the origin: {@code
   * sent_ns,fate_ns,id,copy,src,sport,dst,dport,bytes,chunks,fate}.
   */
  public String toCsv() {
    StringBuilder csv = new StringBuilder("sent_ns,fate_ns,id,copy,src,sport,dst,dport,bytes,chunks,fate\n");
    for (DatagramRecord r : records) {
      SimDatagram d = r.datagram();
      csv.append(d.sentAtNanos() - SimTime.ORIGIN).append(',')
          .append(r.fateAtNanos() - SimTime.ORIGIN).append(',')
          .append(d.id()).append(',').append(r.copy()).append(',')
          .append(d.source().getHostAddress()).append(',').append(d.sourcePort()).append(',')
          .append(d.destination().getHostAddress()).append(',').append(d.destinationPort()).append(',')
          .append(d.size()).append(',')
          .append(ChunkTypes.names(d.chunkTypes()).replace(',', ' ')).append(',')
          .append(r.fate()).append('\n');
    }
    return csv.toString();
  }

  /** Writes {@link #lines()} to {@code file}, creating its directory. */
  public Path writeText(Path file) {
    return write(file, String.join("\n", lines()) + "\n");
  }

  /** Writes {@link #toCsv()} to {@code file}, creating its directory. */
  public Path writeCsv(Path file) {
    return write(file, toCsv());
  }

  void recordSent(SimDatagram datagram) {
    sent.add(datagram);
  }

  void recordFate(DatagramRecord record) {
    records.add(record);
  }

  private static Path write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
