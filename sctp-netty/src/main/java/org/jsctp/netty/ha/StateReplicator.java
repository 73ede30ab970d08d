package org.jsctp.netty.ha;

/**
 * The SPI between jsctp's runtime and a replication engine that carries an endpoint's
 * association state from the active process to a standby (docs/ha.md). One replicator serves one
 * endpoint on each side; the runtime calls it on the endpoint's event loop and it never blocks
 * there. What it carries are opaque blobs in the format of {@code org.jsctp.ha.SnapshotCodec}.
 *
 * <p>An implementation provides three things, and nothing else decides them:
 *
 * <ul>
 *   <li>ordered, reliable delivery of the blobs to the standby, and of the standby's answers back;
 *   <li>the role of this member ({@link #role()}), and the news that it changed: a standby
 *       joined or left, or the active is gone and this standby must take over ({@link
 *       Listener#activeGone()}). Failure detection is the engine's (for example a JGroups view
 *       change); the runtime has no timer of its own for it;
 *   <li>an acknowledgement from the standby that means "applied", not "received".
 * </ul>
 *
 * <p>{@link InMemoryReplicator} connects two runtimes in one JVM (tests, demos); the module
 * {@code sctp-ha-jgroups} implements it on JGroups.
 */
public interface StateReplicator extends AutoCloseable {

  /** What this member does. */
  enum Role {
    /** It runs the associations and replicates them. */
    ACTIVE,
    /** It keeps copies of the active's associations and takes them over when the active dies. */
    STANDBY
  }

  /** This member's role now. Any thread. */
  Role role();

  /**
   * Starts delivering callbacks to {@code listener}; the runtime calls it once, when the endpoint
   * is bound. Callbacks may come on any thread; the runtime moves them to its event loop. A
   * replicator that knows a standby is present calls {@link Listener#standbyJoined()} soon after.
   */
  void start(Listener listener);

  /**
   * Active: sends one replication record or association snapshot to the standby, in order after
   * the previous ones. Never blocks; a blob that cannot be sent is dropped (the standby reports
   * the gap and asks for a snapshot). The array is the replicator's from now on.
   *
   * @param associationId the association the record is about
   * @param sequence its sequence number, acknowledged back with {@link Listener#stored}
   */
  void sendRecord(int associationId, long sequence, byte[] blob);

  /** Active: sends the endpoint snapshot (cookie secrets). Never blocks. */
  void sendEndpoint(byte[] blob);

  /** Standby: every record of {@code associationId} up to {@code upTo} is applied. */
  void acknowledge(int associationId, long upTo);

  /**
   * Standby: asks the active for a full snapshot of {@code associationId} (a record was missing),
   * or, with 0, of every association and of the endpoint (a standby that just started).
   */
  void requestSnapshot(int associationId);

  /** Leaves the group and releases what the replicator holds. Idempotent. */
  @Override
  void close();

  /** What the replicator tells the runtime. Implementations of the SPI call it, any thread. */
  interface Listener {

    /** Active: a standby is there (again); the runtime sends it everything in full. */
    void standbyJoined();

    /**
     * Active: the standby is gone; the runtime stops waiting for it (records are acknowledged
     * locally until another joins, and the associations run unprotected).
     */
    void standbyLeft();

    /** Active: the standby applied every record of {@code associationId} up to {@code upTo}. */
    void stored(int associationId, long upTo);

    /** Active: the standby asks for a full snapshot (0: of everything). */
    void snapshotRequested(int associationId);

    /** Standby: a record or association snapshot from the active, in the order sent. */
    void record(byte[] blob);

    /** Standby: the active's endpoint snapshot. */
    void endpoint(byte[] blob);

    /** Standby: the active is gone; this member is the active now and takes over. */
    void activeGone();
  }
}
