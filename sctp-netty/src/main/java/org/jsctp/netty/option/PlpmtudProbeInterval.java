package org.jsctp.netty.option;

import java.net.InetSocketAddress;

/**
 * SCTP_PLPMTUD_PROBE_INTERVAL (Linux's socket option, struct sctp_probeinterval): path MTU
 * discovery (RFC 8899) for one peer address, or, with a null address, for associations set up
 * afterwards and every path of the current one. The interval is how long a probe may go
 * unanswered before it counts as lost, and how often a path in ERROR is probed; 0 turns discovery
 * off (the path MTU is then {@code path_mtu}); otherwise 5000..86400000 ms, as Linux accepts. The
 * stack-wide default is {@code net.sctp.plpmtud_probe_interval} (5000).
 *
 * @param address the peer address (its IP selects the path), or null for all and future paths
 * @param interval milliseconds (spi_interval)
 */
public record PlpmtudProbeInterval(InetSocketAddress address, long interval) {

  /** Checks the interval. */
  public PlpmtudProbeInterval {
    if (interval != 0 && (interval < 5000 || interval > 86_400_000)) {
      throw new IllegalArgumentException("SCTP_PLPMTUD_PROBE_INTERVAL spi_interval = " + interval
          + " ms is out of range: 0 (off) or 5000..86400000");
    }
  }
}
