package org.jsctp.path;

import org.jsctp.api.PathState;
import org.jsctp.stats.MibCounters;
import org.jsctp.wire.Bytes;

/** What the path manager needs from its association. */
public interface PathEnvironment {

  /** A path changed state; the association turns this into notifications and counters. */
  void pathStateChanged(Path path, PathState from, PathState to, long now);

  /** The path carrying new data changed. */
  void dataPathChanged(Path from, Path to, long now);

  /** The primary path changed by primary path switchover (RFC 7829 section 5). */
  void primarySwitchedOver(Path from, Path to, long now);

  /**
   * A path the peer asked to become the primary (RFC 5061 Set Primary Address) was confirmed and
   * is the primary now.
   */
  void primaryRequested(Path path, long now);

  /** Queue a HEARTBEAT with this Heartbeat Information to {@code path}. */
  void sendHeartbeat(Path path, Bytes info, long now);

  /**
   * Send a PLPMTUD probe to {@code path} (RFC 8899 section 6.2): a packet of exactly {@code size}
   * bytes of IP packet, a HEARTBEAT with this Heartbeat Information padded with a PAD chunk.
   */
  void sendProbe(Path path, Bytes info, int size, long now);

  /** Path MTU discovery changed the path's MTU (packets to it are built for {@code to}). */
  void pathMtuChanged(Path path, int from, int to, long now);

  /**
   * Packets of the path's confirmed PLPMTU stopped getting through and it fell back to
   * BASE_PLPMTU (RFC 8899 section 4.3): what is in flight there was lost to the black hole.
   */
  void blackHoleDetected(Path path, long now);

  /** The association's counters. */
  MibCounters counters();

  /** A probe of an unconfirmed address waits for the next RTO (HB.Max.Burst). */
  void probeDeferred(Path path);

  /** A fresh 64-bit random value (nonces), from the endpoint's injected generator. */
  long nextRandomLong();
}
