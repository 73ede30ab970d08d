package org.jsctp.association;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Iterator;
import org.jsctp.endpoint.Transmit;
import org.jsctp.path.Path;
import org.jsctp.stats.MibCounter;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.CommonHeader;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.PacketBuilder;
import org.jsctp.wire.PadChunk;
import org.jsctp.wire.ReConfigChunk;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.ShutdownAckChunk;
import org.jsctp.wire.ShutdownChunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an association's outgoing packets when they are polled: queued control chunks first,
 * each packet for one destination and verification tag; a due SACK with them or alone, to the
 * source of the latest DATA; then PLPMTUD probes, each alone in a packet of its exact size; then
 * retransmissions and new data for the path as the windows allow, with a pending SACK bundled
 * (RFC 9260 sections 6.1, 6.4 and 6.10).
 *
 * <p>Packets are built for their path's PLPMTU. A chunk that no longer fits one (its path MTU
 * went down after it got its TSN, or it is a control chunk larger than BASE_PLPMTU allows) goes
 * alone in a larger packet marked for fragmentation by the sender (RFC 8899 section 4.4), as do
 * all packets to a path whose discovery is in ERROR.
 */
final class PacketAssembler {

  private static final Logger LOG = LoggerFactory.getLogger(PacketAssembler.class);

  /** A probe waiting to go: at most one per path is outstanding. */
  private record Probe(Destination destination, Bytes info, int size) {}

  private final SctpAssociation a;
  private final ArrayDeque<Probe> probes = new ArrayDeque<>(2);
  /** Whether the latest packet carried DATA or a FORWARD-TSN (HA SYNC mode holds such packets). */
  private boolean lastCarriedTsns;
  /**
   * Whether the latest packet carried a chunk that tells the peer of a change of state (RE-CONFIG,
   * SHUTDOWN, SHUTDOWN ACK, COOKIE ACK): with HA it waits until the standby knows the change.
   */
  private boolean lastCarriedStateChange;

  PacketAssembler(SctpAssociation a) {
    this.a = a;
  }

  /** Queues a PLPMTUD probe of {@code size} bytes of IP packet (RFC 8899 section 6.2). */
  void queueProbe(Destination destination, Bytes info, int size) {
    probes.addLast(new Probe(destination, info, size));
  }

  /** Whether the packet {@link #pollTransmit} last answered carried DATA or a FORWARD-TSN. */
  boolean lastPacketCarriedTsns() {
    return lastCarriedTsns;
  }

  /**
   * Whether the packet {@link #pollTransmit} last answered told the peer of a change of state:
   * RE-CONFIG, SHUTDOWN, SHUTDOWN ACK or COOKIE ACK.
   */
  boolean lastPacketCarriedStateChange() {
    return lastCarriedStateChange;
  }

  /** Whether the peer learns a change of our state from {@code c} (HA waits for the standby). */
  private static boolean changesState(Chunk c) {
    return c instanceof ReConfigChunk || c instanceof ShutdownChunk
        || c instanceof ShutdownAckChunk || c instanceof CookieAckChunk;
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
    a.asconf.sendIfReady(now);
    lastCarriedTsns = false;
    lastCarriedStateChange = false;
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
    } else if (!probes.isEmpty() && state.heartbeats()) {
      return pollProbe();
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
      int oversized = tcb.sender.oversizedRetransmission(sendOn,
          sendOn.maxPacketSize() - tcb.auth.overhead(tcb.sender.chunkType()));
      if (oversized > 0) {
        return pollOversizedData(tcb, sendOn, dataPath, oversized, now);
      }
      dest = Destination.of(sendOn);
    } else {
      return null;
    }
    Path destPath = a.paths.find(dest.remote());
    int maxSize = maxPacketSize(destPath);
    Authentication auth = authFor(vtag);
    PacketBuilder packet = new PacketBuilder(maxSize, auth);
    int controlChunks = 0;
    lastCarriedTsns = false;
    lastCarriedStateChange = false;
    Iterator<ControlQueue.Entry> it = a.controls.iterator();
    while (it.hasNext()) {
      ControlQueue.Entry e = it.next();
      if (!e.destination().equals(dest) || e.verificationTag() != vtag) {
        continue;
      }
      if (!packet.add(e.chunk())) {
        if (packet.isEmpty() && destPath != null && CommonHeader.LENGTH
            + e.chunk().paddedLength() + overhead(auth, e.chunk()) <= destPath.configuredMaxPacketSize()) {
          // Larger than the PLPMTU allows, not than the path_mtu: alone, and fragmentable.
          it.remove();
          lastCarriedStateChange = changesState(e.chunk());
          return fragmentable(dest, vtag, e.chunk(), auth);
        }
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
      lastCarriedStateChange |= changesState(e.chunk());
    }
    SackChunk sack = null;
    if (vtag == peerTag && tcb != null && tcb.receiver.ackPending() && state.receivesData()
        && (tcb.receiver.sackDue() || destPath != null && destPath == dataPath)) {
      Destination sackTo = sackDestination(tcb);
      if (sackTo.equals(dest)) {
        sack = tcb.receiver.buildSack(packet.remaining(ChunkType.SACK));
        if (packet.add(sack)) {
          controlChunks++;
        } else {
          sack = null;
        }
      }
    }
    if (vtag == peerTag && destPath != null && destPath == dataPath && tcb != null && state.transmitsData()) {
      Chunk forward = tcb.sender.pendingForwardTsn();
      if (forward != null && packet.add(forward)) {
        tcb.sender.forwardTsnSent(destPath, now);
        controlChunks++;
        lastCarriedTsns = true;
      }
    }
    if (vtag == peerTag && destPath != null && dataPath != null && tcb != null && state.transmitsData()) {
      if (tcb.sender.fill(packet, destPath, dataPath, now) > 0) {
        lastCarriedTsns = true;
        tcb.receiver.ownDataSent();
      }
    }
    if (sack != null) {
      settleSack(tcb, packet, sack);
    }
    if (packet.isEmpty()) {
      return null;
    }
    a.counters.add(MibCounter.SCTP_OUT_CTRL_CHUNKS, controlChunks);
    countPacket(packet);
    byte[] bytes = packet.build(a.ctx.localPort(), a.peerPort(), vtag);
    boolean fragmentable = destPath != null && destPath.plpmtud().allowsFragmentation();
    if (fragmentable) {
      a.counters.increment(MibCounter.SCTP_OUT_FRAGMENTABLE_PACKS);
    }
    return new Transmit(dest.local(), dest.remote(), dest.udpPort(), bytes, fragmentable);
  }

  /**
   * The SACK goes with this packet. With HA SYNC a packet with DATA leaves only once the standby
   * stored its records; when those carry every TSN received, the SACK acknowledges them all
   * instead of what the standby held when it was built, and none is owed for them: the peer gets
   * the acknowledgement together with the data, not in a packet of its own ahead of it.
   */
  private void settleSack(Tcb tcb, PacketBuilder packet, SackChunk sack) {
    long heldUntil = a.ha.heldUntil(lastCarriedTsns);
    if (heldUntil > 0 && tcb.receiver.acknowledgesMoreWhenHeldUntil(heldUntil)) {
      SackChunk covering = tcb.receiver.buildSack(packet.remaining() + sack.paddedLength(),
          heldUntil);
      if (!packet.replace(sack, covering)) {
        heldUntil = 0;
      }
    }
    tcb.receiver.sackSent(heldUntil);
  }

  /**
   * A PLPMTUD probe (RFC 8899 section 6.2): a HEARTBEAT chunk padded with a PAD chunk to exactly
   * the probed size, alone in its packet, never fragmented.
   */
  private Transmit pollProbe() {
    Probe probe = probes.pollFirst();
    Destination dest = probe.destination();
    Path path = a.paths.find(dest.remote());
    if (path == null) {
      return null;
    }
    HeartbeatChunk hb = HeartbeatChunk.of(probe.info());
    int sctpSize = probe.size() - path.ipUdpOverhead();
    Authentication auth = authFor(a.peerTag());
    int authLength = auth == null ? 0
        : Math.max(auth.overhead(ChunkType.HEARTBEAT), auth.overhead(ChunkType.PAD));
    int padLength = sctpSize - CommonHeader.LENGTH - hb.paddedLength() - authLength;
    if (padLength < 4) {
      return null;
    }
    PacketBuilder packet = new PacketBuilder(sctpSize, auth);
    packet.add(hb);
    packet.add(PadChunk.ofLength(padLength));
    a.counters.add(MibCounter.SCTP_OUT_CTRL_CHUNKS, 2);
    countPacket(packet);
    return new Transmit(dest.local(), dest.remote(), dest.udpPort(),
        packet.build(a.ctx.localPort(), a.peerPort(), a.peerTag()), false, true);
  }

  /**
   * A retransmission larger than its path's PLPMTU: the chunk has a TSN and is never cut again
   * (RFC 9260 section 6.9), so it goes alone in a packet marked for fragmentation by the sender
   * (RFC 8899 section 4.4).
   */
  private Transmit pollOversizedData(Tcb tcb, Path path, Path dataPath, int chunkSize, long now) {
    Authentication auth = authFor(a.peerTag());
    PacketBuilder packet = new PacketBuilder(CommonHeader.LENGTH + chunkSize
        + tcb.auth.overhead(tcb.sender.chunkType()), auth);
    tcb.sender.fill(packet, path, dataPath, now);
    if (packet.isEmpty()) {
      return null;
    }
    lastCarriedTsns = true;
    tcb.receiver.ownDataSent();
    countPacket(packet);
    a.counters.increment(MibCounter.SCTP_OUT_FRAGMENTABLE_PACKS);
    Destination dest = Destination.of(path);
    return new Transmit(dest.local(), dest.remote(), dest.udpPort(),
        packet.build(a.ctx.localPort(), a.peerPort(), a.peerTag()), true);
  }

  /** One control chunk too large for the PLPMTU, alone in a packet marked for fragmentation. */
  private Transmit fragmentable(Destination dest, int vtag, Chunk chunk, Authentication auth) {
    PacketBuilder packet = new PacketBuilder(
        CommonHeader.LENGTH + chunk.paddedLength() + overhead(auth, chunk), auth);
    packet.add(chunk);
    a.counters.increment(MibCounter.SCTP_OUT_CTRL_CHUNKS);
    countPacket(packet);
    a.counters.increment(MibCounter.SCTP_OUT_FRAGMENTABLE_PACKS);
    return new Transmit(dest.local(), dest.remote(), dest.udpPort(),
        packet.build(a.ctx.localPort(), a.peerPort(), vtag), true);
  }

  Transmit pollControlsOnly() {
    ControlQueue.Entry first = a.controls.peek();
    Destination dest = first.destination();
    int vtag = first.verificationTag();
    Path destPath = a.paths.find(dest.remote());
    PacketBuilder packet = new PacketBuilder(maxPacketSize(destPath), authFor(vtag));
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
    countPacket(packet);
    return new Transmit(dest.local(), dest.remote(), dest.udpPort(),
        packet.build(a.ctx.localPort(), a.peerPort(), vtag));
  }

  /**
   * What authenticates a packet with tag {@code vtag} (RFC 4895 section 6.2): the TCB's AUTH state
   * when AUTH was negotiated and the packet goes to the peer of the TCB, else null.
   */
  private Authentication authFor(int vtag) {
    Tcb tcb = a.tcb();
    return tcb != null && tcb.auth.negotiated() && vtag == tcb.peerTag ? tcb.auth : null;
  }

  private static int overhead(Authentication auth, Chunk chunk) {
    return auth == null ? 0 : auth.overhead(chunk.type());
  }

  /** One more packet sent, and one more AUTH chunk when it carries one. */
  private void countPacket(PacketBuilder packet) {
    a.counters.increment(MibCounter.SCTP_OUT_SCTP_PACKS);
    if (packet.authenticated()) {
      a.counters.increment(MibCounter.SCTP_OUT_AUTH_CHUNKS);
    }
  }

  private int maxPacketSize(Path destPath) {
    return destPath != null ? destPath.maxPacketSize() : a.options.pathMtu() - 28;
  }
}
