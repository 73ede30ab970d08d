package org.jsctp.association;

import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.AuthenticationEvent;
import org.jsctp.ha.HaMode;
import org.jsctp.rx.DataReceiver;
import org.jsctp.stats.MibCounter;
import org.jsctp.tx.DataSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the handshake, on either side (RFC 9260 section 5.1): the {@link Tcb} and its data
 * halves built once both Initial TSNs are known, and the step into ESTABLISHED with COMM_UP, the
 * counters, heartbeats, autoclose and SCTP_HA_MODE.
 */
final class Establishment {

  private static final Logger LOG = LoggerFactory.getLogger(SctpAssociation.class);

  private final SctpAssociation a;

  Establishment(SctpAssociation a) {
    this.a = a;
  }

  /** Builds a TCB and its data halves once both Initial TSNs are known. */
  Tcb newTcb(int localTag, int peerTag, int localInitialTsn, int peerInitialTsn, int outboundStreams,
      int inboundStreams, long peerRwnd, Extensions extensions, Authentication auth) {
    DataSender sender =
        new DataSender(localInitialTsn, outboundStreams, peerRwnd, extensions.partialReliability(),
            extensions.interleaving(), a.halfSettings, a.components);
    sender.streams().setScheduler(a.options.streamScheduler());
    DataReceiver receiver = new DataReceiver(peerInitialTsn, inboundStreams,
        extensions.interleaving(), a.halfSettings, a.components);
    return new Tcb(localTag, peerTag, localInitialTsn, peerInitialTsn, outboundStreams,
        inboundStreams, extensions, sender, receiver, auth);
  }

  /** The handshake completed: ESTABLISHED, COMM_UP, counters, heartbeats. */
  void established(Tcb tcb, long now, boolean active) {
    Established up = new Established(tcb);
    a.transition(up, now);
    a.counters.increment(active ? MibCounter.SCTP_ACTIVE_ESTABS : MibCounter.SCTP_PASSIVE_ESTABS);
    a.components.emit(new AssociationChange(a.id, AssociationChange.Kind.COMM_UP,
        tcb.outboundStreams, tcb.inboundStreams, List.of()));
    if (tcb.auth.refusedByPeer()) {
      a.components.emit(new AuthenticationEvent(a.id, AuthenticationEvent.Indication.NO_AUTH, 0));
    }
    a.paths.start(now);
    a.liveOptions.validateThresholds();
    a.armAutoclose(now);
    if (a.options.haMode() != HaMode.OFF && tcb.auth.negotiated()) {
      LOG.warn("association {}: SCTP_HA_MODE {} is not used: AUTH was negotiated, and a standby"
          + " cannot take over its state yet", a.id, a.options.haMode());
    } else if (a.options.haMode() != HaMode.OFF) {
      a.setHaMode(a.options.haMode(), now);
    }
  }
}
