package org.jsctp.interop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What tshark decoded from a capture: one {@link Frame} per UDP packet, and the checks every
 * interop run must pass.
 *
 * <p>A capture is clean when it holds at least one SCTP packet and
 *
 * <ul>
 *   <li>no frame is malformed ({@code _ws.malformed}),
 *   <li>no frame carries an expert info of severity warning or error ({@code _ws.expert}),
 *   <li>every SCTP packet has checksum status "good" ({@code sctp.checksum.status == 1}, with
 *       {@code -o sctp.checksum:crc-32c}; 0 is bad and 2 would mean not verified),
 *   <li>every UDP packet decodes as SCTP (a packet on an unexpected port is not silently skipped).
 * </ul>
 *
 * IP fragments (datagrams larger than the path MTU) are counted and reported, not failed.
 */
final class CaptureReport {

  /** Expert info severities as tshark prints them in {@code _ws.expert.severity}. */
  static final long SEVERITY_WARN = 0x600000;

  static final Map<Integer, String> CHUNK_NAMES =
      Map.ofEntries(
          Map.entry(0, "DATA"),
          Map.entry(1, "INIT"),
          Map.entry(2, "INIT_ACK"),
          Map.entry(3, "SACK"),
          Map.entry(4, "HEARTBEAT"),
          Map.entry(5, "HEARTBEAT_ACK"),
          Map.entry(6, "ABORT"),
          Map.entry(7, "SHUTDOWN"),
          Map.entry(8, "SHUTDOWN_ACK"),
          Map.entry(9, "ERROR"),
          Map.entry(10, "COOKIE_ECHO"),
          Map.entry(11, "COOKIE_ACK"),
          Map.entry(12, "ECNE"),
          Map.entry(13, "CWR"),
          Map.entry(14, "SHUTDOWN_COMPLETE"),
          Map.entry(15, "AUTH"),
          Map.entry(64, "I_DATA"),
          Map.entry(128, "ASCONF_ACK"),
          Map.entry(130, "RE_CONFIG"),
          Map.entry(132, "PAD"),
          Map.entry(192, "FORWARD_TSN"),
          Map.entry(193, "ASCONF"),
          Map.entry(194, "I_FORWARD_TSN"));

  static final int DATA = 0;
  static final int INIT = 1;
  static final int INIT_ACK = 2;
  static final int SACK = 3;
  static final int HEARTBEAT = 4;
  static final int HEARTBEAT_ACK = 5;
  static final int ABORT = 6;
  static final int SHUTDOWN = 7;
  static final int SHUTDOWN_ACK = 8;
  static final int ERROR = 9;
  static final int COOKIE_ECHO = 10;
  static final int COOKIE_ACK = 11;
  static final int SHUTDOWN_COMPLETE = 14;
  static final int I_DATA = 64;
  static final int RE_CONFIG = 130;
  static final int FORWARD_TSN = 192;
  static final int I_FORWARD_TSN = 194;

  /** RE-CONFIG parameter types (RFC 6525 section 4). */
  static final int OUTGOING_SSN_RESET_REQUEST = 13;

  static final int INCOMING_SSN_RESET_REQUEST = 14;
  static final int SSN_TSN_RESET_REQUEST = 15;
  static final int RECONFIG_RESPONSE = 16;
  static final int ADD_OUTGOING_STREAMS_REQUEST = 17;
  static final int ADD_INCOMING_STREAMS_REQUEST = 18;

  /** Re-configuration Response results (RFC 6525 section 4.4). */
  static final long RESULT_PERFORMED = 1;

  static final long RESULT_IN_PROGRESS = 6;

  /**
   * One DATA or I-DATA chunk (RFC 9260 section 3.3.1, RFC 8260 section 2.1).
   *
   * @param idata whether it is an I-DATA chunk
   * @param sequence the SSN of a DATA chunk, the MID of an I-DATA chunk
   * @param begin the B bit: the first fragment of a message
   * @param end the E bit: the last fragment of a message
   */
  record UserData(
      boolean idata,
      int stream,
      long tsn,
      long sequence,
      boolean begin,
      boolean end,
      boolean unordered) {}

  /**
   * The parameters of the RE-CONFIG chunks of a frame (RFC 6525 section 4), in order.
   *
   * @param types the parameter types
   * @param results the results of the Re-configuration Responses
   * @param lastAssignedTsns the Sender's Last Assigned TSN of the Outgoing SSN Reset Requests
   * @param senderNextTsns the Sender's Next TSN of the Responses that carry one (to an SSN/TSN
   *     Reset Request): the next TSN of the side that answers
   * @param receiverNextTsns their Receiver's Next TSN: the next TSN of the side that asked
   */
  record Reconfig(
      List<Integer> types,
      List<Long> results,
      List<Long> lastAssignedTsns,
      List<Long> senderNextTsns,
      List<Long> receiverNextTsns) {
    static final Reconfig NONE =
        new Reconfig(List.of(), List.of(), List.of(), List.of(), List.of());

    Reconfig {
      types = List.copyOf(types);
      results = List.copyOf(results);
      lastAssignedTsns = List.copyOf(lastAssignedTsns);
      senderNextTsns = List.copyOf(senderNextTsns);
      receiverNextTsns = List.copyOf(receiverNextTsns);
    }
  }

  /** One UDP packet as tshark decoded it. */
  record Frame(
      int number,
      double time,
      String src,
      String dst,
      int srcPort,
      int dstPort,
      boolean sctp,
      long vtag,
      List<Integer> chunks,
      List<Integer> chunkFlags,
      String checksumStatus,
      boolean malformed,
      List<Long> severities,
      String expert,
      boolean fragment,
      List<Integer> dataStreams,
      List<Long> dataTsns,
      List<UserData> userData,
      Reconfig reconfig,
      List<Long> forwardTsns) {

    /** DATA chunk flag U (RFC 9260 section 3.3.1). */
    static final int UNORDERED = 0x04;

    /** Flags of every DATA chunk in this packet. */
    List<Integer> dataFlags() {
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < chunks.size() && i < chunkFlags.size(); i++) {
        if (chunks.get(i) == DATA) {
          out.add(chunkFlags.get(i));
        }
      }
      return out;
    }

    boolean has(int chunkType) {
      return chunks.contains(chunkType);
    }

    /** Flags of the first chunk of the given type, or -1. */
    int flagsOf(int chunkType) {
      int i = chunks.indexOf(chunkType);
      return i < 0 || i >= chunkFlags.size() ? -1 : chunkFlags.get(i);
    }

    boolean from(String ip) {
      return src.equals(ip);
    }

    boolean to(String ip) {
      return dst.equals(ip);
    }

    String describe() {
      List<String> names = new ArrayList<>();
      for (int c : chunks) {
        names.add(chunkName(c));
      }
      return "frame "
          + number
          + " "
          + src
          + ":"
          + srcPort
          + " -> "
          + dst
          + ":"
          + dstPort
          + " "
          + String.join(",", names);
    }
  }

  private final String source;
  private final List<Frame> frames;

  CaptureReport(String source, List<Frame> frames) {
    this.source = source;
    this.frames = List.copyOf(frames);
  }

  static String chunkName(int type) {
    return CHUNK_NAMES.getOrDefault(type, "TYPE_" + type);
  }

  List<Frame> frames() {
    return frames;
  }

  List<Frame> sctpFrames() {
    return frames.stream().filter(Frame::sctp).toList();
  }

  List<Frame> where(Predicate<Frame> p) {
    return frames.stream().filter(p).toList();
  }

  /** Number of chunks of {@code type} in packets matching {@code p}. */
  long chunks(int type, Predicate<Frame> p) {
    return frames.stream()
        .filter(p)
        .mapToLong(f -> f.chunks().stream().filter(c -> c == type).count())
        .sum();
  }

  long chunks(int type) {
    return chunks(type, f -> true);
  }

  /** Distinct stream ids of the DATA chunks in packets matching {@code p}. */
  java.util.SortedSet<Integer> dataStreams(Predicate<Frame> p) {
    java.util.SortedSet<Integer> out = new java.util.TreeSet<>();
    frames.stream().filter(p).forEach(f -> out.addAll(f.dataStreams()));
    return out;
  }

  /**
   * DATA chunks in packets matching {@code p} that carry a TSN for the first time in the capture
   * (per verification tag, that is per association and direction, whatever the path): new data, not
   * retransmissions.
   */
  long newData(Predicate<Frame> p) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    long n = 0;
    for (Frame f : frames) {
      for (long tsn : f.dataTsns()) {
        boolean first = seen.add(f.vtag() + "/" + tsn);
        if (first && p.test(f)) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * The time of the first packet matching {@code p} that retransmits a TSN (one seen earlier in the
   * capture with the same verification tag, on any path), or NaN.
   */
  double firstRetransmission(Predicate<Frame> p) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Frame f : frames) {
      boolean again = false;
      for (long tsn : f.dataTsns()) {
        again |= !seen.add(f.vtag() + "/" + tsn);
      }
      if (again && p.test(f)) {
        return f.time();
      }
    }
    return Double.NaN;
  }

  /** DATA chunks in packets matching {@code p}, counted by whether their U flag is set. */
  Map<Boolean, Long> dataByUnordered(Predicate<Frame> p) {
    Map<Boolean, Long> out = new TreeMap<>();
    out.put(false, 0L);
    out.put(true, 0L);
    frames.stream()
        .filter(p)
        .flatMap(f -> f.dataFlags().stream())
        .forEach(fl -> out.merge((fl & Frame.UNORDERED) != 0, 1L, Long::sum));
    return out;
  }

  /** RE-CONFIG parameters of {@code type} in packets matching {@code p}. */
  long reconfigParameters(int type, Predicate<Frame> p) {
    return frames.stream()
        .filter(p)
        .mapToLong(f -> f.reconfig().types().stream().filter(t -> t == type).count())
        .sum();
  }

  /** The results of the Re-configuration Responses in packets matching {@code p}. */
  List<Long> reconfigResults(Predicate<Frame> p) {
    return frames.stream().filter(p).flatMap(f -> f.reconfig().results().stream()).toList();
  }

  /**
   * The DATA and I-DATA chunks in packets matching {@code p}, each TSN once, in the order it was
   * first seen (per verification tag): what was sent, without the retransmissions.
   */
  List<UserData> firstTransmissions(Predicate<Frame> p) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<UserData> out = new ArrayList<>();
    for (Frame f : frames) {
      for (UserData d : f.userData()) {
        if (seen.add(f.vtag() + "/" + d.tsn()) && p.test(f)) {
          out.add(d);
        }
      }
    }
    return out;
  }

  /**
   * How often, in the chunks {@code sent} in sending order, a fragment of one stream's message
   * comes between the first and the last fragment of a message of another stream: the interleaving
   * that I-DATA makes possible (RFC 8260 section 1) and DATA forbids.
   */
  static long interleavings(List<UserData> sent) {
    Map<Integer, Boolean> open = new TreeMap<>();
    long n = 0;
    for (UserData d : sent) {
      for (Map.Entry<Integer, Boolean> e : open.entrySet()) {
        if (e.getValue() && e.getKey() != d.stream()) {
          n++;
          break;
        }
      }
      if (d.begin() && !d.end()) {
        open.put(d.stream(), true);
      } else if (d.end()) {
        open.put(d.stream(), false);
      }
    }
    return n;
  }

  long ipFragments() {
    return frames.stream().filter(Frame::fragment).count();
  }

  /** Every reason this capture is not clean; empty when it is. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (sctpFrames().isEmpty()) {
      problems.add("no SCTP packet in the capture");
    }
    for (Frame f : frames) {
      if (f.malformed()) {
        problems.add(f.describe() + ": malformed packet [" + f.expert() + "]");
      }
      long worst = f.severities().stream().mapToLong(Long::longValue).max().orElse(0);
      if (worst >= SEVERITY_WARN) {
        problems.add(
            f.describe()
                + ": expert info "
                + (worst >= 0x800000 ? "error" : "warning")
                + " ["
                + f.expert()
                + "]");
      }
      if (f.sctp()) {
        List<String> statuses = Arrays.asList(f.checksumStatus().split("\\|"));
        if (statuses.contains("0")) {
          problems.add(f.describe() + ": bad CRC32c");
        } else if (!statuses.stream().allMatch("1"::equals)) {
          problems.add(f.describe() + ": CRC32c not verified (status " + f.checksumStatus() + ")");
        }
      } else if (!f.fragment()) {
        problems.add(f.describe() + ": UDP packet not decoded as SCTP");
      }
    }
    return problems;
  }

  /** Fails with every problem found, naming the capture file. */
  CaptureReport assertClean() {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "capture "
              + source
              + " is not clean ("
              + problems.size()
              + " problems):\n  "
              + String.join("\n  ", problems.subList(0, Math.min(problems.size(), 40))));
    }
    return this;
  }

  /** Chunk counts by type, in type order. */
  Map<String, Long> chunkCounts() {
    Map<Integer, Long> byType = new TreeMap<>();
    for (Frame f : frames) {
      for (int c : f.chunks()) {
        byType.merge(c, 1L, Long::sum);
      }
    }
    Map<String, Long> named = new java.util.LinkedHashMap<>();
    byType.forEach((t, n) -> named.put(chunkName(t), n));
    return named;
  }

  /** One paragraph for logs and docs. */
  String summary() {
    List<String> problems = problems();
    return source
        + ": "
        + frames.size()
        + " UDP packets, "
        + sctpFrames().size()
        + " SCTP packets, chunks "
        + chunkCounts()
        + ", IP fragments "
        + ipFragments()
        + ", "
        + (problems.isEmpty()
            ? "all CRC32c good, no malformed packet, no expert warning"
            : problems.size() + " problems");
  }

  @Override
  public String toString() {
    return summary();
  }
}
