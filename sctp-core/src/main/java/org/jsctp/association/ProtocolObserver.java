package org.jsctp.association;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.api.PathState;
import org.jsctp.wire.ErrorCause;

/**
 * The moments of the protocol worth tracing, told as they happen: association and path state
 * changes, changes of the path carrying new data, primary path switchovers, T3-rtx expiries and
 * aborts. It is meant for recorders (sctp-netty turns the calls into JFR events), not for
 * application logic, which has the polled events and notifications.
 *
 * <p>Unlike events, which are queued and handed over after the call that caused them, these calls
 * come synchronously, on the thread driving the endpoint, in the middle of the input that caused
 * them: a recorder sees the moment itself, in order with every other, and nothing is queued when
 * nobody records (docs/adr/0001-protocol-observer.md). So an implementation must return quickly,
 * must not throw (an exception would surface from the input being handled, with the association
 * half-way through a change), and may call only the read-only accessors of the association it is
 * given (id, ports, state, peer addresses), never an input, a command or an option setter.
 *
 * <p>Every method does nothing by default; {@link #NONE} is the observer of an endpoint nobody
 * observes. {@code now} is the driver's time of the input, as the core got it.
 */
public interface ProtocolObserver {

  /** The observer that ignores everything. */
  ProtocolObserver NONE = new ProtocolObserver() {};

  /** The association moved from one RFC 9260 state to another. */
  default void associationStateChanged(
      SctpAssociation association, AssociationState from, AssociationState to, long now) {}

  /**
   * A path (one peer address) changed state: confirmed, potentially failed (RFC 7829), inactive, or
   * back to active.
   *
   * @param errorCount the path's error counter after the change
   */
  default void pathStateChanged(
      SctpAssociation association,
      InetAddress address,
      PathState from,
      PathState to,
      int errorCount,
      long now) {}

  /** New data now goes to another path: the failover (or the return) of the data path. */
  default void dataPathChanged(
      SctpAssociation association, InetAddress from, InetAddress to, long now) {}

  /** The primary path was replaced by primary path switchover (RFC 7829 section 5). */
  default void primarySwitchedOver(
      SctpAssociation association, InetAddress from, InetAddress to, long now) {}

  /**
   * The T3-rtx timer of a path expired (RFC 9260 section 6.3.3), before its retransmissions and
   * the RTO backoff.
   *
   * @param rtoMillis the path's RTO that expired
   */
  default void t3RtxExpired(
      SctpAssociation association, InetAddress address, long rtoMillis, long now) {}

  /**
   * The association is ending by ABORT: one received from the peer, or one this side sends (the
   * application's abort, a protocol violation, a guard timer). Told before the state changes to
   * CLOSED.
   *
   * @param received whether the peer sent the ABORT
   * @param causes the error causes the ABORT carries
   * @param reason why, in words, for a person reading a trace
   */
  default void aborted(
      SctpAssociation association,
      boolean received,
      List<ErrorCause> causes,
      String reason,
      long now) {}
}
