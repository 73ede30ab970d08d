package org.jsctp.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tshark capture of all UDP traffic of one namespace ({@code -i any}), and its analysis.
 *
 * <p>The analysis reads the file once with {@code tshark -r FILE -n -o sctp.checksum:crc-32c -o
 * sctp.ulp_dissection:FALSE -d udp.port==PORT,sctp ... -T fields} and builds a {@link
 * CaptureReport}. Upper-layer dissection is off because the DATA payloads are test data: with it
 * on, tshark decodes them by PPID as M3UA, ISUP and the like and reports those "protocols" as
 * malformed. TSN analysis stays on; its notes (retransmitted TSN, zero window) are below warning
 * level. The fields and their meaning in tshark 4.0 were checked against hand-made broken packets
 * ({@code CaptureCheckTest}):
 *
 * <ul>
 *   <li>{@code sctp.checksum.status}: 1 good, 0 bad, 2 unverified (per SCTP packet);
 *   <li>{@code _ws.malformed}: present on a malformed packet;
 *   <li>{@code _ws.expert.severity}: 0x600000 warning, 0x800000 error (also set for a bad CRC32c
 *       and for a malformed packet).
 * </ul>
 */
final class Capture implements AutoCloseable {

  static final String TSHARK = "tshark";

  private static final String[] FIELDS = {
    "frame.number",
    "frame.time_epoch",
    "ip.src",
    "ip.dst",
    "udp.srcport",
    "udp.dstport",
    "sctp.verification_tag",
    "sctp.chunk_type",
    "sctp.chunk_flags",
    "sctp.checksum.status",
    "_ws.malformed",
    "_ws.expert.severity",
    "_ws.expert.message",
    "ip.flags.mf",
    "ip.frag_offset",
    "sctp.data_sid",
    "sctp.data_tsn_raw",
    "sctp.data_ssn",
    "sctp.data_mid",
    "sctp.data_b_bit",
    "sctp.data_e_bit",
    "sctp.data_u_bit",
    "sctp.parameter_type",
    "sctp.parameter_reconfig_response_result",
    "sctp.parameter_senders_last_assigned_tsn",
    "sctp.forward_tsn_tsn",
    "sctp.i_forward_tsn_tsn",
    "sctp.parameter_senders_next_tsn",
    "sctp.parameter_receivers_next_tsn",
  };

  static final String MARKER_ADDR = "127.0.0.1";
  static final int MARKER_PORT = 9;

  private final NetNs ns;
  private final Proc tshark;
  private final Path file;
  private final int[] ports;
  private CaptureReport report;

  private Capture(NetNs ns, Proc tshark, Path file, int[] ports) {
    this.ns = ns;
    this.tshark = tshark;
    this.file = file;
    this.ports = ports.clone();
  }

  /**
   * Starts capturing all UDP packets on every interface of {@code ns} into {@code file} and waits
   * until tshark says it is capturing. {@code udpPorts} are the encapsulation ports to decode as
   * SCTP.
   */
  static Capture start(NetNs ns, Path file, int... udpPorts) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = file.getFileName().toString().replaceAll("\\.pcapng$", "") + "-tshark";
    // -P -l: one line per packet written, so that the harness knows what is in the file.
    Proc p =
        Proc.start(
            name,
            file.getParent(),
            ns.wrap(
                TSHARK,
                "-n",
                "-l",
                "-P",
                "-i",
                "any",
                "-f",
                "udp",
                "-w",
                file.toString(),
                "-T",
                "fields",
                "-e",
                "frame.number",
                "-e",
                "ip.dst",
                "-e",
                "udp.dstport"));
    Capture c = new Capture(ns, p, file, udpPorts);
    try {
      p.awaitLine(
          java.util.regex.Pattern.compile("Capturing on"), Duration.ofSeconds(30), 0, false);
      c.mark();
    } catch (AssertionError e) {
      p.close();
      throw e;
    }
    return c;
  }

  /**
   * Sends one marker datagram to the discard port of the namespace's loopback and waits until
   * tshark has written it. Packets are handed to the capture in blocks, and tshark loses a block
   * that is not complete when it stops; the marker proves that everything before it is in the file.
   * Markers are left out of the analysis.
   */
  private void mark() {
    int from = tshark.lineCount();
    String marker =
        "^\\d+\t" + java.util.regex.Pattern.quote(MARKER_ADDR) + "\t" + MARKER_PORT + "$";
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      // Resent until seen: right after "Capturing on" the capture may not be running yet.
      ns.exec(
              "bash",
              "-c",
              "exec 3<>/dev/udp/" + MARKER_ADDR + "/" + MARKER_PORT + " && printf jsctp-mark >&3")
          .check();
      try {
        tshark.awaitLine(marker, Duration.ofSeconds(1), from);
        return;
      } catch (AssertionError e) {
        if (!tshark.isAlive() || System.nanoTime() > deadline) {
          throw e;
        }
      }
    }
  }

  Path file() {
    return file;
  }

  /** Stops the capture (SIGINT, so that tshark finishes the file) and analyses it. */
  CaptureReport stop() {
    if (report == null) {
      if (!tshark.isAlive()) {
        throw new AssertionError(
            "tshark ended on its own before the run was over (exit code "
                + tshark.awaitExit(Duration.ofSeconds(5))
                + "): the capture "
                + file
                + " is incomplete and cannot prove anything\n"
                + tshark.tail());
      }
      mark();
      tshark.signal("INT");
      int code = tshark.awaitExit(Duration.ofSeconds(20));
      if (code != 0) {
        throw new AssertionError("tshark ended with " + code + "\n" + tshark.tail());
      }
      report = analyze(file, ports);
      try {
        Files.writeString(
            file.resolveSibling(file.getFileName() + ".summary.txt"), report.summary() + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return report;
  }

  /** Reads {@code file} with tshark and decodes {@code udpPorts} as SCTP. */
  static CaptureReport analyze(Path file, int... udpPorts) {
    // Upper-layer dissection off: DATA payloads are test data, not M3UA or ISUP that happens to
    // share the PPID; the checks are about SCTP itself.
    List<String> cmd =
        new ArrayList<>(
            List.of(
                TSHARK,
                "-r",
                file.toString(),
                "-n",
                "-o",
                "sctp.checksum:crc-32c",
                "-o",
                "sctp.ulp_dissection:FALSE"));
    for (int port : udpPorts) {
      cmd.add("-d");
      cmd.add("udp.port==" + port + ",sctp");
    }
    cmd.addAll(
        List.of("-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=|"));
    for (String f : FIELDS) {
      cmd.add("-e");
      cmd.add(f);
    }
    Cmd.Result r = Cmd.run(Duration.ofSeconds(120), cmd);
    if (!r.ok()) {
      throw new AssertionError("tshark cannot read " + file + ": " + r.describe());
    }
    List<CaptureReport.Frame> frames = new ArrayList<>();
    for (String line : r.stdout().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      CaptureReport.Frame f = parse(line);
      if (!(f.dst().equals(MARKER_ADDR) && f.dstPort() == MARKER_PORT)) {
        frames.add(f);
      }
    }
    return new CaptureReport(file.toString(), frames);
  }

  private static CaptureReport.Frame parse(String line) {
    String[] f = Arrays.copyOf(line.split("\t", -1), FIELDS.length);
    for (int i = 0; i < f.length; i++) {
      if (f[i] == null) {
        f[i] = "";
      }
    }
    boolean sctp = !f[6].isEmpty();
    List<Integer> chunks = ints(f[7], 10);
    List<Integer> flags = ints(f[8], 16);
    List<Long> severities = new ArrayList<>();
    for (String s : f[11].split("\\|")) {
      if (!s.isBlank()) {
        severities.add(Long.decode(s.trim()));
      }
    }
    boolean fragment = f[13].contains("1") || (!f[14].isEmpty() && !f[14].equals("0"));
    List<Integer> streams = ints(f[15], 16);
    List<Long> tsns = longs(f[16]);
    List<Long> forwardTsns = longs(f[25]);
    forwardTsns.addAll(longs(f[26]));
    return new CaptureReport.Frame(
        Integer.parseInt(f[0].trim()),
        f[1].isEmpty() ? 0 : Double.parseDouble(f[1]),
        first(f[2]),
        first(f[3]),
        f[4].isEmpty() ? 0 : Integer.parseInt(first(f[4])),
        f[5].isEmpty() ? 0 : Integer.parseInt(first(f[5])),
        sctp,
        sctp ? Long.decode(first(f[6])) : 0,
        chunks,
        flags,
        f[9],
        !f[10].isEmpty(),
        severities,
        f[12],
        fragment,
        streams,
        tsns,
        userData(f[0].trim(), chunks, streams, tsns, f),
        chunks.contains(CaptureReport.RE_CONFIG)
            ? new CaptureReport.Reconfig(
                ints(f[22], 16), longs(f[23]), longs(f[24]), longs(f[27]), longs(f[28]))
            : CaptureReport.Reconfig.NONE,
        forwardTsns);
  }

  /**
   * The DATA and I-DATA chunks of a frame, from tshark's per-chunk fields, which come once per such
   * chunk and in chunk order (the SSN for DATA, the MID for I-DATA); fails when they do not line
   * up, rather than pair the wrong values.
   */
  private static List<CaptureReport.UserData> userData(
      String frame, List<Integer> chunks, List<Integer> streams, List<Long> tsns, String[] f) {
    List<CaptureReport.UserData> out = new ArrayList<>();
    long count =
        chunks.stream().filter(c -> c == CaptureReport.DATA || c == CaptureReport.I_DATA).count();
    if (count == 0) {
      return out;
    }
    boolean idata = chunks.contains(CaptureReport.I_DATA);
    List<Long> sequence = longs(idata ? f[18] : f[17]);
    List<Boolean> begin = bits(f[19]);
    List<Boolean> end = bits(f[20]);
    List<Boolean> unordered = bits(f[21]);
    for (List<?> l : List.of(streams, tsns, sequence, begin, end, unordered)) {
      if (l.size() != count) {
        throw new AssertionError(
            "frame "
                + frame
                + ": tshark's DATA / I-DATA fields do not line up: "
                + String.join(" ", f));
      }
    }
    for (int i = 0; i < count; i++) {
      out.add(
          new CaptureReport.UserData(
              idata,
              streams.get(i),
              tsns.get(i),
              sequence.get(i),
              begin.get(i),
              end.get(i),
              unordered.get(i)));
    }
    return out;
  }

  private static List<Boolean> bits(String aggregated) {
    List<Boolean> out = new ArrayList<>();
    for (String s : aggregated.split("[|,]")) {
      String t = s.trim();
      if (!t.isEmpty()) {
        out.add(t.equals("1") || t.equalsIgnoreCase("true"));
      }
    }
    return out;
  }

  private static String first(String aggregated) {
    int bar = aggregated.indexOf('|');
    return bar < 0 ? aggregated : aggregated.substring(0, bar);
  }

  private static List<Integer> ints(String aggregated, int radix) {
    List<Integer> out = new ArrayList<>();
    for (String s : aggregated.split("[|,]")) {
      String t = s.trim();
      if (t.isEmpty()) {
        continue;
      }
      if (radix == 16 && t.startsWith("0x")) {
        out.add(Integer.parseInt(t.substring(2), 16));
      } else {
        out.add(Integer.parseInt(t, radix));
      }
    }
    return out;
  }

  private static List<Long> longs(String aggregated) {
    List<Long> out = new ArrayList<>();
    for (String s : aggregated.split("[|,]")) {
      if (!s.isBlank()) {
        out.add(Long.decode(s.trim()));
      }
    }
    return out;
  }

  /** Stops tshark if still running (without analysing). */
  @Override
  public void close() {
    if (tshark.isAlive()) {
      tshark.signal("INT");
      try {
        tshark.awaitExit(Duration.ofSeconds(20));
      } catch (AssertionError e) {
        tshark.close();
      }
    }
  }
}
