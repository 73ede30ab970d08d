package org.jsctp.association;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.PartialDeliveryAborted;
import org.jsctp.api.PeerAddressParams;
import org.jsctp.api.SctpEvent;
import org.jsctp.ha.AssociationHeader;
import org.jsctp.ha.AssociationSnapshot;
import org.jsctp.ha.HaMode;
import org.jsctp.ha.PathSnapshot;
import org.jsctp.ha.ReceiverSnapshot;
import org.jsctp.path.Path;
import org.jsctp.rx.DataReceiver;
import org.jsctp.stats.MibCounter;
import org.jsctp.tx.DataSender;

/**
 * A standby takes over (docs/ha.md): a live association built from a replicated snapshot, and
 * its resumption once the endpoint registered it. See {@link SctpAssociation#restore} and
 * {@link SctpAssociation#resumeAfterRestore}.
 */
final class AssociationRestore {

  private AssociationRestore() {}

  static SctpAssociation restore(AssociationContext ctx, int id, long now,
      AssociationSnapshot snapshot, AssociationOptions defaults) {
    AssociationHeader h = snapshot.header();
    AssociationOptions options = OptionsImage.apply(h.settings(), defaults);
    options.setHaMode(HaMode.OFF);
    SctpAssociation a = new SctpAssociation(ctx, id, h.peerPort(), options);
    a.lastNow = now;
    a.locals.reset(h.localAddresses());
    for (PathSnapshot p : h.paths()) {
      Path path = a.pathFactory.addPath(p.address(), p.udpPort(), p.state());
      a.paths.configure(path, new PeerAddressParams(p.address(), p.heartbeatIntervalMs(),
          p.pathMaxRetrans(), p.mtu(), p.heartbeatEnabled()
              ? PeerAddressParams.HeartbeatMode.ENABLED
              : PeerAddressParams.HeartbeatMode.DISABLED), false, now);
      a.paths.configure(path, p.pathMaxRetrans(), p.pfRetrans());
      a.paths.restoreErrorCount(path, p.errorCount());
      path.rto().restore(p.srtt(), p.rttvar(), p.rto(), p.measured());
    }
    if (h.primaryPath() >= 0 && a.paths.paths().get(h.primaryPath()).state().isConfirmed()) {
      a.paths.setPrimary(a.paths.paths().get(h.primaryPath()));
    }
    Path target = a.paths.dataPath(now);
    // ADD-IP state (serial numbers, requests in flight) is not replicated: a standby takes over
    // without it, its addresses fixed, and a peer's ASCONF then goes unanswered.
    Extensions x = h.extensions().withoutAddressReconfiguration();
    DataSender sender = DataSender.restore(snapshot.sender(), x.partialReliability(),
        x.interleaving(), a.halfSettings, a.components, target, options.streamScheduler(), now);
    InetAddress fallback = target != null ? target.address() : h.paths().get(0).address();
    DataReceiver receiver = DataReceiver.restore(snapshot.receiver(), x.interleaving(),
        a.halfSettings, a.components, fallback);
    ReconfigState reconfig = null;
    if (x.streamReconfiguration()) {
      reconfig = h.reconfig() != null
          ? SnapshotImage.reconfig(h.reconfig(), h.localInitialTsn(), h.peerInitialTsn())
          : new ReconfigState(h.localInitialTsn(), h.peerInitialTsn());
    }
    if (sender.streamCount() != h.outboundStreams() || receiver.streamCount() != h.inboundStreams()) {
      throw new IllegalArgumentException("the snapshot's halves have " + sender.streamCount()
          + " outbound and " + receiver.streamCount() + " inbound streams, its header "
          + h.outboundStreams() + " and " + h.inboundStreams());
    }
    Tcb tcb = new Tcb(h.localTag(), h.peerTag(), h.localInitialTsn(), h.peerInitialTsn(),
        h.outboundStreams(), h.inboundStreams(), x, sender, receiver, reconfig);
    tcb.restoreErrors(h.errorCount());
    if (h.state() == AssociationState.ESTABLISHED) {
      a.transition(new Established(tcb), now);
    } else {
      a.transition(new ShuttingDown(tcb, h.state()), now);
    }
    if (h.state().heartbeats()) {
      a.paths.start(now);
    }
    if (reconfig != null && reconfig.request != null && reconfig.request.sent) {
      // The request goes again soon; the peer answers a retransmission as the original.
      Path p = target != null ? target : a.paths.paths().get(0);
      reconfig.request.path = p;
      reconfig.timer.start(now, p.rto().rto());
    }
    a.liveOptions.validateThresholds();
    a.armAutoclose(now);
    return a;
  }

  static int resume(SctpAssociation a, long now, AssociationSnapshot snapshot) {
    Tcb tcb = a.tcb();
    a.components.emit(new AssociationChange(a.id, AssociationChange.Kind.COMM_UP, tcb.outboundStreams,
        tcb.inboundStreams, List.of()));
    for (ReceiverSnapshot.Redelivery d : snapshot.receiver().redelivery()) {
      SctpEvent event = d.aborted()
          ? new PartialDeliveryAborted(a.id, d.streamId(), d.messageId(), d.unordered())
          : new MessageReceived(a.id, d.streamId(), d.messageId(), d.payloadProtocolId(),
              d.unordered(), d.firstTsn(), d.source(), d.complete(), d.data(), true);
      tcb.receiver.redeliver(event, d.data().length());
    }
    int reported = 0;
    Long mode = snapshot.header().settings().get("ha_mode");
    if (mode != null && mode == HaMode.THRESHOLD.sysctlValue()) {
      Long threshold = snapshot.header().settings().get("ha_sync_tsn_threshold");
      reported = tcb.sender.skipUnknownRange(
          threshold != null ? threshold.intValue() : a.options.haSyncTsnThreshold());
    }
    a.counters.increment(MibCounter.SCTP_HA_TAKEOVERS);
    if (a.phase instanceof ShuttingDown s) {
      a.shutdown.resume(s, now);
    }
    a.touch();
    return reported;
  }
}
