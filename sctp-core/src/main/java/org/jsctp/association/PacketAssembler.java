package org.jsctp.association;

import java.net.InetAddress;
import java.util.Iterator;
import org.jsctp.endpoint.Transmit;
import org.jsctp.path.Path;
import org.jsctp.stats.MibCounter;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.PacketBuilder;
import org.jsctp.wire.SackChunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an association's outgoing packets when they are polled: queued control chunks first,
 * each packet for one destination and verification tag; a due SACK with them or alone, to the
 * source of the latest DATA; then retransmissions and new data for the path as the windows
 * allow, with a pending SACK bundled (RFC 9260 sections 6.1, 6.4 and 6.10).
 */
final class PacketAssembler {

  private static final Logger LOG = LoggerFactory.getLogger(PacketAssembler.class);

  private final SctpAssociation a;

  PacketAssembler(SctpAssociation a) {
    this.a = a;
  }

  /** Where a SACK goes: the source of the latest DATA (RFC 9260 section 6.4). */
  private Destination sackDestination(Tcb tcb) {
    InetAddress source = tcb.receiver.lastDataSource();
    Path p = source == null ? null : a.paths.find(source);
    if (p == null) {
      p = a.paths.dataPath(a.lastNow);
    }
    return p == null ? a.primaryDestination() : Destination.of(p);
  }

  /**
   * The next packet to send, or null. Call until it answers null after every input, timeout or
   * user call. Control chunks go first, each with the packet of its destination; a due SACK
   * goes with them or alone; then retransmissions and new data as the windows allow, with any
   * pending SACK bundled.
   */
  Transmit pollTransmit(long now) {
    // The endpoint's time may be older than the association's, which a user call moved on.
    a.lastNow = Math.max(a.lastNow, now);
    now = a.lastNow;
    AssociationState state = a.state();
    if (state == AssociationState.CLOSED) {
      return null;
    }
    a.reconfig.sendIfReady(now);
    Tcb tcb = a.tcb();
    Destination dest;
    int peerTag = a.peerTag();
    int vtag = peerTag;
    Path dataPath = state.transmitsData() ? a.paths.dataPath(now) : null;
    if (!a.controls.isEmpty()) {
      ControlQueue.Entry first = a.controls.peek();
      dest = first.destination();
      vtag = first.verificationTag();
    } else if (tcb != null && tcb.receiver.sackDue() && state.receivesData()) {
      // Only where a SACK may go: after the peer's SHUTDOWN none is sent, and data must not wait.
      dest = sackDestination(tcb);
    } else if (dataPath != null && tcb != null) {
      Path sendOn = null;
      for (Path p : a.paths.paths()) {
        if (tcb.sender.wantsToSend(p, dataPath, now)) {
          sendOn = p;
          break;
        }
      }
      if (sendOn == null) {
        return null;
      }
      dest = Destination.of(sendOn);
    } else {
      return null;
    }
    Path destPath = a.paths.find(dest.remote());
    int maxSize = maxPacketSize(destPath);
    PacketBuilder packet = new PacketBuilder(maxSize);
    int controlChunks = 0;
    Iterator<ControlQueue.Entry> it = a.controls.iterator();
    while (it.hasNext()) {
      ControlQueue.Entry e = it.next();
      if (!e.destination().equals(dest) || e.verificationTag() != vtag) {
        continue;
      }
      if (!packet.add(e.chunk())) {
        if (packet.isEmpty()) {
          if (LOG.isWarnEnabled() && a.ctx.logThrottle().allow(now)) {
            LOG.warn("association {}: dropping a {} chunk too large for the path MTU"
                + " ({} more dropped since the last line)", a.id(), e.chunk().getClass().getSimpleName(),
                a.ctx.logThrottle().takeSuppressed());
          }
          it.remove();
          continue;
        }
        break;
      }
      it.remove();
      controlChunks++;
    }
    if (vtag == peerTag && tcb != null && tcb.receiver.ackPending() && state.receivesData()
        && (tcb.receiver.sackDue() || destPath != null && destPath == dataPath)) {
      Destination sackTo = sackDestination(tcb);
      if (sackTo.equals(dest)) {
        SackChunk sack = tcb.receiver.buildSack(packet.remaining());
        if (packet.add(sack)) {
          tcb.receiver.sackSent();
          controlChunks++;
        }
      }
    }
    if (vtag == peerTag && destPath != null && destPath == dataPath && tcb != null && state.transmitsData()) {
      Chunk forward = tcb.sender.pendingForwardTsn();
      if (forward != null && packet.add(forward)) {
        tcb.sender.forwardTsnSent(destPath, now);
        controlChunks++;
      }
    }
    if (vtag == peerTag && destPath != null && dataPath != null && tcb != null && state.transmitsData()) {
      tcb.sender.fill(packet, destPath, dataPath, now);
    }
    if (packet.isEmpty()) {
      return null;
    }
    a.counters.add(MibCounter.SCTP_OUT_CTRL_CHUNKS, controlChunks);
    a.counters.increment(MibCounter.SCTP_OUT_SCTP_PACKS);
    byte[] bytes = packet.build(a.ctx.localPort(), a.peerPort(), vtag);
    return new Transmit(dest.local(), dest.remote(), dest.udpPort(), bytes);
  }

  Transmit pollControlsOnly() {
    ControlQueue.Entry first = a.controls.peek();
    Destination dest = first.destination();
    int vtag = first.verificationTag();
    Path destPath = a.paths.find(dest.remote());
    PacketBuilder packet = new PacketBuilder(maxPacketSize(destPath));
    Iterator<ControlQueue.Entry> it = a.controls.iterator();
    while (it.hasNext()) {
      ControlQueue.Entry e = it.next();
      if (e.destination().equals(dest) && e.verificationTag() == vtag) {
        if (!packet.add(e.chunk())) {
          if (packet.isEmpty()) {
            it.remove();
            continue;
          }
          break;
        }
        it.remove();
      }
    }
    if (packet.isEmpty()) {
      return null;
    }
    a.counters.increment(MibCounter.SCTP_OUT_SCTP_PACKS);
    return new Transmit(dest.local(), dest.remote(), dest.udpPort(),
        packet.build(a.ctx.localPort(), a.peerPort(), vtag));
  }

  private int maxPacketSize(Path destPath) {
    return destPath != null ? destPath.maxPacketSize() : a.options.pathMtu() - 28;
  }
}
