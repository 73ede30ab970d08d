package org.jsctp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The usrsctp 0.9.5 example programs of libusrsctp-examples, started inside a namespace.
 *
 * <p>Facts they impose: they bind the wildcard address and list every address of the host, so they
 * only ever run inside namespaces of the test; a taken UDP port makes them silently deaf, so the
 * port is checked before and after the start; their stdout is block-buffered, so they run under
 * {@code stdbuf -oL}. {@code echo_server} reads at most 10240 bytes per receive call and echoes
 * only the part that ends a message, so it cannot echo messages larger than 10240 bytes (mhpeer
 * serves those). Both set usrsctp's {@code sctp_blackhole} to 2, so they answer no out-of-the-blue
 * packet with an ABORT.
 */
final class Usrsctp {

  /** The SCTP port of echo_server. */
  static final int ECHO_PORT = 7;

  private Usrsctp() {}

  /** {@code echo_server LOCAL_UDP REMOTE_UDP}, waiting until it has bound its UDP port. */
  static Proc echoServer(NetNs ns, Path logDir, int localUdp, int remoteUdp) {
    UdpPorts.assertFree(ns, localUdp);
    Proc p =
        Proc.start(
            "usrsctp-echo_server",
            logDir,
            ns.wrap(
                List.of(
                    "stdbuf",
                    "-oL",
                    "-eL",
                    Env.USRSCTP_PROGRAMS.resolve("echo_server").toString(),
                    Integer.toString(localUdp),
                    Integer.toString(remoteUdp))));
    try {
      UdpPorts.awaitBound(ns, localUdp, p, Duration.ofSeconds(20));
    } catch (AssertionError e) {
      p.close();
      throw e;
    }
    return p;
  }

  /**
   * Drives a started {@link #client}: waits for COMM_UP, sends {@code lines} lines (line-1 ...),
   * waits for the last echo, ends stdin so that it shuts down gracefully, and checks that it
   * completed the shutdown, exited 0 and printed every echo.
   */
  static void echoLines(Proc client, int lines) {
    client.awaitLine("SCTP_COMM_UP", Duration.ofSeconds(30));
    for (int i = 1; i <= lines; i++) {
      client.write("line-" + i + "\n");
    }
    client.awaitLine("^line-" + lines + "$", Duration.ofSeconds(30));
    client.closeStdin();
    client.awaitLine("SCTP_SHUTDOWN_COMP", Duration.ofSeconds(30));
    assertThat(client.awaitExit(Duration.ofSeconds(30))).isZero();
    for (int i = 1; i <= lines; i++) {
      assertThat(client.stdoutLines()).contains("line-" + i);
    }
  }

  /**
   * {@code client ADDR 7 0 LOCAL_UDP REMOTE_UDP}: connects at once, then sends each stdin line (up
   * to 79 bytes) as one message on stream 0 and prints the echoes; at the end of stdin it shuts the
   * association down gracefully and exits after SHUTDOWN_COMP or COMM_LOST.
   */
  static Proc client(NetNs ns, Path logDir, String addr, int localUdp, int remoteUdp) {
    UdpPorts.assertFree(ns, localUdp);
    return Proc.start(
        "usrsctp-client",
        logDir,
        ns.wrap(
            List.of(
                "stdbuf",
                "-oL",
                "-eL",
                Env.USRSCTP_PROGRAMS.resolve("client").toString(),
                addr,
                Integer.toString(ECHO_PORT),
                "0",
                Integer.toString(localUdp),
                Integer.toString(remoteUdp))),
        true);
  }
}
