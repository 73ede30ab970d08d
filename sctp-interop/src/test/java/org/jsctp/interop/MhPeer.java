package org.jsctp.interop;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Our own usrsctp peer ({@code src/test/c/mhpeer.c}): built once per JVM with gcc against
 * libusrsctp-dev, started inside a namespace through a {@link Builder}.
 *
 * <p>It binds its local addresses with {@code usrsctp_bindx}, checks CRC32c also between equal
 * addresses, can enable SCTP-PF through {@code SCTP_PEER_ADDR_THLDS} and tune the RTO, prints path
 * changes and, as a client, a RESULT line like jsctp's echo-client.
 */
final class MhPeer {

  private static Path binary;

  private MhPeer() {}

  /** Compiles mhpeer.c into {@code target/interop/mhpeer} (once per JVM). */
  static synchronized Path binary() {
    if (binary == null) {
      Path source =
          Paths.get(System.getProperty("mhpeer.source", "src/test/c/mhpeer.c")).toAbsolutePath();
      binary = CPrograms.build(source, "mhpeer");
    }
    return binary;
  }

  private static final java.util.regex.Pattern SERVER_LINE =
      java.util.regex.Pattern.compile("SERVER assoc=\\d+ echoed=(\\d+) bytes=\\d+ end=(\\S+)");

  /**
   * The messages the server received whole and echoed on the one association it served, from its
   * SERVER line (printed when the association ends); fails when there is none.
   */
  static long serverEchoed(Proc server) {
    java.util.regex.Matcher m = server.awaitLine(SERVER_LINE, Duration.ofSeconds(30), 0, true);
    return Long.parseLong(m.group(1));
  }

  static Builder server() {
    return new Builder("server");
  }

  static Builder client() {
    return new Builder("client");
  }

  /** Command-line options of mhpeer; see the comment at the top of mhpeer.c. */
  static final class Builder {
    private final String mode;
    private final List<String> args = new ArrayList<>();
    private int udpPort;
    private int remoteUdpPort;

    private Builder(String mode) {
      this.mode = mode;
    }

    private Builder opt(String name, Object value) {
      args.add(name);
      args.add(String.valueOf(value));
      return this;
    }

    Builder local(String... addrs) {
      for (String a : addrs) {
        opt("--local", a);
      }
      return this;
    }

    Builder remote(String... addrs) {
      for (String a : addrs) {
        opt("--remote", a);
      }
      return this;
    }

    /** Our UDP encapsulation port and the peer's. */
    Builder udpPorts(int local, int remote) {
      this.udpPort = local;
      this.remoteUdpPort = remote;
      return this;
    }

    Builder port(int sctpPort) {
      return opt("--port", sctpPort);
    }

    Builder count(long n) {
      return opt("--count", n);
    }

    Builder rate(int msgsPerSecond, int seconds) {
      opt("--rate", msgsPerSecond);
      return opt("--duration", seconds);
    }

    Builder size(int bytes) {
      return opt("--size", bytes);
    }

    Builder streams(int n) {
      return opt("--streams", n);
    }

    Builder unordered() {
      args.add("--unordered");
      return this;
    }

    Builder window(int n) {
      return opt("--window", n);
    }

    Builder abortAfter(long n) {
      return opt("--abort-after", n);
    }

    Builder progress(long every) {
      return opt("--progress", every);
    }

    Builder pf(int threshold) {
      return opt("--pf", threshold);
    }

    Builder pathMaxRetrans(int n) {
      return opt("--path-max-retrans", n);
    }

    Builder rto(int minMs, int initialMs, int maxMs) {
      opt("--rto-min", minMs);
      opt("--rto-initial", initialMs);
      return opt("--rto-max", maxMs);
    }

    Builder hbInterval(int ms) {
      return opt("--hb-interval", ms);
    }

    Builder timeout(int seconds) {
      return opt("--timeout", seconds);
    }

    /** The client's messages on stream 0 have this many bytes, the others {@link #size}. */
    Builder largeSize(int bytes) {
      return opt("--large-size", bytes);
    }

    /** A PR-SCTP policy for every message the client sends: "ttl", "rtx" or "prio". */
    Builder pr(String policy, int value) {
      return opt("--pr-" + policy, value);
    }

    Builder sndbuf(int bytes) {
      return opt("--sndbuf", bytes);
    }

    /** SCTP_FRAGMENT_INTERLEAVE 2 and SCTP_INTERLEAVING_SUPPORTED. */
    Builder idata() {
      args.add("--idata");
      return this;
    }

    /** SCTP_PLUGGABLE_SS by jsctp's scheduler names (fcfs, rr, rr-packet, prio, fb). */
    Builder scheduler(String name) {
      return opt("--scheduler", name);
    }

    /** SCTP_PARTIAL_DELIVERY_POINT. */
    Builder pdPoint(int bytes) {
      return opt("--pd-point", bytes);
    }

    /** RE-CONFIG offered, every request of the peer allowed. */
    Builder reconfig() {
      args.add("--reconfig");
      return this;
    }

    /**
     * The server's reconfiguration after {@code echoes} echoes on an association: "reset-out",
     * "reset-in", "reset-assoc" or "add-streams".
     */
    Builder reconfigAfter(String action, int echoes) {
      return opt("--" + action + "-after", echoes);
    }

    List<String> command() {
      List<String> c = new ArrayList<>(List.of(binary().toString(), mode));
      c.addAll(args);
      c.addAll(
          List.of(
              "--udp-port", Integer.toString(udpPort),
              "--remote-udp-port", Integer.toString(remoteUdpPort)));
      return c;
    }

    /**
     * Starts mhpeer in {@code ns} after checking that its UDP port is free there, and waits until
     * it is ready: for a server, listening with its port bound; for a client, about to connect.
     */
    Proc start(NetNs ns, Path logDir, String name) {
      if (udpPort == 0 || remoteUdpPort == 0) {
        throw new IllegalStateException("udpPorts(local, remote) is required");
      }
      UdpPorts.assertFree(ns, udpPort);
      Proc p = Proc.start(name, logDir, ns.wrap(command()));
      try {
        p.awaitLine("READY", Duration.ofSeconds(20));
        UdpPorts.awaitBound(ns, udpPort, p, Duration.ofSeconds(20));
      } catch (AssertionError e) {
        p.close();
        throw e;
      }
      return p;
    }
  }
}
