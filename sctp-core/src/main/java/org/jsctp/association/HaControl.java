package org.jsctp.association;

import org.jsctp.api.MessageReceived;
import org.jsctp.api.SctpEvent;
import org.jsctp.endpoint.Transmit;
import org.jsctp.ha.HaMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SCTP_HA_MODE of one association (docs/ha.md): starts, switches and stops its {@link
 * AssociationReplication}, and routes through it what must wait for the standby (packets,
 * events, acknowledgements) while there is one.
 */
final class HaControl {

  private static final Logger LOG = LoggerFactory.getLogger(SctpAssociation.class);

  private final SctpAssociation a;
  /** Null when SCTP_HA_MODE is OFF. */
  private AssociationReplication replication;

  HaControl(SctpAssociation a) {
    this.a = a;
  }

  boolean active() {
    return replication != null;
  }

  /**
   * Starting replication (SYNC or THRESHOLD) makes the next record a full snapshot; OFF stops it
   * and lets go of everything it held back.
   *
   * @throws IllegalStateException when the association is not established or shutting down
   * @throws IllegalArgumentException for THRESHOLD when PR-SCTP was not negotiated
   */
  void setMode(HaMode mode, long now) {
    Tcb tcb = a.tcb();
    AssociationState state = a.state();
    if (mode != HaMode.OFF && (tcb == null || state.handshaking())) {
      throw new IllegalStateException("SCTP_HA_MODE " + mode + " needs an established"
          + " association: association " + a.id + " is " + state);
    }
    if (mode != HaMode.OFF && tcb.auth.negotiated()) {
      throw new IllegalStateException("SCTP_HA_MODE " + mode + " is not supported on association "
          + a.id + ": it negotiated AUTH (RFC 4895), whose state the snapshot format does not carry");
    }
    if (mode == HaMode.THRESHOLD && !tcb.extensions.partialReliability()) {
      if (replication == null && state == AssociationState.ESTABLISHED
          && a.options.haMode() == HaMode.THRESHOLD) {
        // Asked for before the handshake; the peer did not offer PR-SCTP.
        LOG.warn("association {}: SCTP_HA_MODE THRESHOLD needs PR-SCTP, which the peer did not"
            + " offer: replicating in SYNC mode", a.id);
        mode = HaMode.SYNC;
        a.options.setHaMode(HaMode.SYNC);
      } else {
        throw new IllegalArgumentException("SCTP_HA_MODE THRESHOLD needs PR-SCTP, which association "
            + a.id + " did not negotiate: a standby skips the TSNs it cannot know with a FORWARD-TSN");
      }
    }
    if (mode == HaMode.OFF) {
      if (replication != null) {
        replication.detach(tcb, true);
        replication = null;
      }
    } else if (replication == null) {
      replication = new AssociationReplication(a, mode);
      replication.attach(tcb, now);
    } else {
      replication.setMode(mode);
    }
    a.touch();
  }

  /** OFF when the association does not replicate. */
  HaMode mode() {
    return replication == null ? HaMode.OFF : replication.mode();
  }

  /** A collision or a restart built a new TCB: the standby starts again from a snapshot. */
  void tcbReplaced(Tcb old, Tcb now, long nowNanos) {
    if (replication != null) {
      old.sender.setReplication(null);
      old.receiver.setReplication(null);
      replication.attach(now, nowNanos);
    }
  }

  void replicated(long upTo, long now) {
    if (replication != null) {
      replication.replicated(upTo, now);
    }
  }

  void confirmDelivered(MessageReceived upTo) {
    if (confirmQuietly(upTo)) {
      a.touch();
    }
  }

  /**
   * Records a confirmation without flushing a record (a send that confirms its request flushes
   * both together); true when it confirmed something.
   */
  boolean confirmQuietly(MessageReceived upTo) {
    Tcb tcb = a.tcb();
    if (replication == null || tcb == null) {
      return false;
    }
    long bytes = replication.confirmDelivered(upTo);
    if (bytes > 0) {
      tcb.receiver.confirmed(bytes);
      return true;
    }
    return false;
  }

  void requestSnapshot() {
    if (replication != null) {
      replication.requestSnapshot();
    }
  }

  /** Whether packets or events wait for the standby. */
  boolean holding() {
    return replication != null && replication.holding();
  }

  long deadline() {
    return replication.deadline();
  }

  /**
   * The replication record a packet being built will wait for: with DATA or a FORWARD-TSN in
   * SYNC mode, the record of the newest TSN; 0 when it goes at once as far as its TSNs go.
   */
  long heldUntil(boolean carriesTsns) {
    return replication == null ? 0 : replication.heldUntil(carriesTsns);
  }

  Transmit pollTransmit(long now, PacketAssembler assembler) {
    return replication == null ? assembler.pollTransmit(now)
        : replication.pollTransmit(now, assembler);
  }

  void flush(long now) {
    if (replication != null) {
      replication.flush(now);
    }
  }

  /** Returns false when there is no replication, and the caller hands the event out itself. */
  boolean emit(SctpEvent event) {
    if (replication == null) {
      return false;
    }
    replication.emit(event);
    return true;
  }

  /** The association ends. */
  void close(String why, long now) {
    if (replication != null) {
      replication.close(why, now);
      replication = null;
    }
  }
}
