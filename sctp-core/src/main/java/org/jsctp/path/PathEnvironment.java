package org.jsctp.path;

import org.jsctp.api.PathState;
import org.jsctp.wire.Bytes;

/** What the path manager needs from its association. */
public interface PathEnvironment {

  /** A path changed state; the association turns this into notifications and counters. */
  void pathStateChanged(Path path, PathState from, PathState to, long now);

  /** The path carrying new data changed. */
  void dataPathChanged(Path from, Path to, long now);

  /** The primary path changed by primary path switchover (RFC 7829 section 5). */
  void primarySwitchedOver(Path from, Path to, long now);

  /** Queue a HEARTBEAT with this Heartbeat Information to {@code path}. */
  void sendHeartbeat(Path path, Bytes info, long now);

  /** A probe of an unconfirmed address waits for the next RTO (HB.Max.Burst). */
  void probeDeferred(Path path);

  /** A fresh 64-bit random value (nonces), from the endpoint's injected generator. */
  long nextRandomLong();
}
