package org.jsctp.tx;

import org.jsctp.api.OutgoingMessage;
import org.jsctp.wire.UserDataChunk;

/**
 * What the sending half tells the replication of its association (an HA mode, docs/ha.md): the
 * messages queued, the chunks given TSNs, the messages abandoned, the peer's acknowledgements and
 * changes to the streams. The sender has none when HA is off; every call site is one field test.
 */
public interface SendReplication {

  /** The application queued {@code message}, numbered {@code id} on the association. */
  void queued(long id, OutgoingMessage message);

  /**
   * {@code chunk} got its TSN: {@code length} bytes of message {@code id} from {@code offset}
   * ({@code abandoned} for the never-sent end of an abandoned message).
   */
  void cut(UserDataChunk chunk, long id, int offset, boolean abandoned);

  /** PR-SCTP abandoned message {@code id}; {@code sent} whether any of it had gone out. */
  void abandoned(long id, boolean sent);

  /** A SACK (or a SHUTDOWN) was applied: the cumulative TSN ack and the peer's window now. */
  void acknowledged(int cumulativeTsnAck, long peerRwnd);

  /** Streams were paused, resumed, reset or added, or the TSN restarted. */
  void streamsChanged();

  /** Whether a new chunk may take TSN {@code tsn} now (THRESHOLD mode bounds the TSNs ahead). */
  boolean mayCut(int tsn);
}
