package org.jsctp.rx;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.UserDataChunk;

/**
 * What the receiving half tells the replication of its association (an HA mode, docs/ha.md):
 * every change to the TSNs it holds and the data it took, in the order they happen, so that the
 * standby's copy makes the same moves. The receiver has none when HA is off.
 */
public interface ReceiveReplication {

  /** The number of the replication record the changes made now go into. */
  long pendingSequence();

  /** A DATA or I-DATA chunk was taken with its new TSN. */
  void data(UserDataChunk chunk, InetAddress source);

  /** A TSN was taken without its data (its stream does not exist). */
  void tsnOnly(int tsn);

  /** A FORWARD-TSN or I-FORWARD-TSN moved the cumulative TSN. */
  void forwardTsn(Chunk forwardTsn);

  /** The peer reset its outgoing streams after {@code lastAssignedTsn} (empty: all). */
  void streamsReset(int lastAssignedTsn, List<Integer> streams);

  /** The peer added {@code count} streams it sends on. */
  void streamsAdded(int count);

  /** The peer's TSN starts again at {@code nextTsn}. */
  void tsnRestarted(int nextTsn);

  /** A received TSN was given up to make room. */
  void reneged(int tsn);
}
