package org.jsctp.netty;

import java.time.Duration;
import java.util.Objects;
import org.jsctp.netty.ha.StateReplicator;

/**
 * What a channel asked of standby takeover (docs/ha.md): the replicator of its endpoint, and how
 * long a standby taking over waits for the active's addresses to become bindable here.
 */
record HaSetup(StateReplicator replicator, Duration addressWait) {

  HaSetup {
    Objects.requireNonNull(replicator, "replicator");
    Objects.requireNonNull(addressWait, "addressWait");
    if (addressWait.isNegative()) {
      throw new IllegalArgumentException("addressWait must not be negative: " + addressWait);
    }
  }
}
