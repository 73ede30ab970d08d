package org.jsctp.netty;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsctp.api.OutgoingMessage;

/**
 * One send waiting to be accepted by the core. The event loop claims it before handing it to the
 * core, and a caller giving up (timeout, interrupt) can only withdraw it while it is not claimed: a
 * message is either accepted and its future completed, or withdrawn and never sent, never both.
 */
final class PendingSend {

  private static final int WAITING = 0;
  private static final int CLAIMED = 1;
  private static final int WITHDRAWN = 2;

  final OutgoingMessage message;
  final int length;
  final boolean blocking;

  /** A delivery confirmed together with this send (see {@link MessageInfo#confirming}), or null. */
  org.jsctp.api.MessageReceived confirms;

  /**
   * True when the caller did not wait: a blocking send that found room in the send buffer returned
   * at once, as a kernel socket returns once the data is in its buffer. A failure then reaches the
   * application as a {@link SendFailedNotification} carrying the data.
   */
  volatile boolean detached;
  final CompletableFuture<Integer> future = new CompletableFuture<>();
  private final AtomicInteger state = new AtomicInteger(WAITING);

  PendingSend(OutgoingMessage message, boolean blocking) {
    this.message = message;
    this.length = message.payload().length();
    this.blocking = blocking;
  }

  /** The event loop takes the send for one attempt; false when the caller withdrew it. */
  boolean claim() {
    return state.compareAndSet(WAITING, CLAIMED);
  }

  /** The attempt did not finish (send buffer full): the send waits again. */
  void unclaim() {
    state.set(WAITING);
  }

  /** The caller gives up; false when the event loop holds it (its result is imminent). */
  boolean withdraw() {
    return state.compareAndSet(WAITING, WITHDRAWN);
  }

  boolean withdrawn() {
    return state.get() == WITHDRAWN;
  }
}
