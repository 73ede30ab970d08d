package org.jsctp.association;

import java.util.List;
import org.jsctp.api.RemoteError;
import org.jsctp.path.Path;
import org.jsctp.stats.MibCounter;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.ForwardTsnChunk;
import org.jsctp.wire.HeartbeatAckChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.IForwardTsnChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.PadChunk;
import org.jsctp.wire.ReConfigChunk;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.SctpPacket;
import org.jsctp.wire.ShutdownAckChunk;
import org.jsctp.wire.ShutdownChunk;
import org.jsctp.wire.ShutdownCompleteChunk;
import org.jsctp.wire.UserDataChunk;

/**
 * The chunks of a packet, in order, to the handler of each kind (RFC 9260 section 8.5 was
 * checked by the endpoint): what the packet changes for the path it came from, the end of the
 * packet for the SACK decision, and when a chunk stops the rest of the packet.
 */
final class ChunkDispatch {

  private final SctpAssociation a;

  ChunkDispatch(SctpAssociation a) {
    this.a = a;
  }

  void handlePacket(long now, SctpPacket packet, int firstChunk, Destination source) {
    a.counters.increment(MibCounter.SCTP_IN_SCTP_PACKS);
    Path from = a.paths.find(source.remote());
    if (from != null) {
      from.heardFrom(now);
      // RFC 6951 section 5.4: the encapsulation port follows the peer, after the tag check.
      a.paths.learnUdpPort(from, source.udpPort());
    }
    if (a.phase instanceof ShuttingDown s) {
      a.shutdown.onPacket(s);
    }
    Tcb tcb = a.tcb();
    if (tcb != null) {
      tcb.sender.startRound();
    }
    List<Chunk> chunks = packet.chunks();
    boolean hadData = false;
    for (int i = firstChunk; i < chunks.size() && a.state() != AssociationState.CLOSED; i++) {
      Chunk chunk = chunks.get(i);
      if (!(chunk instanceof UserDataChunk)) {
        a.counters.increment(MibCounter.SCTP_IN_CTRL_CHUNKS);
      }
      if (!handleChunk(now, chunk, source)) {
        break;
      }
      hadData |= chunk instanceof UserDataChunk;
    }
    tcb = a.tcb();
    if (tcb != null) {
      tcb.receiver.endOfPacket(now);
      if (hadData && a.phase instanceof ShuttingDown s && s.state() == AssociationState.SHUTDOWN_SENT) {
        a.shutdown.onDataWhileShutdownSent(s, now);
      }
    }
    a.touch();
  }

  /** Handles one chunk; false stops processing of the rest of the packet. */
  private boolean handleChunk(long now, Chunk chunk, Destination source) {
    if (chunk instanceof UserDataChunk d) {
      return a.transfer.onData(now, d, source);
    } else if (chunk instanceof SackChunk s) {
      a.transfer.onSack(now, s);
    } else if (chunk instanceof ForwardTsnChunk || chunk instanceof IForwardTsnChunk) {
      return a.transfer.onForwardTsn(now, chunk, source);
    } else if (chunk instanceof ReConfigChunk r) {
      return a.reconfig.onReConfig(now, r, source);
    } else if (chunk instanceof HeartbeatChunk hb) {
      a.heartbeats.onHeartbeat(hb, source);
    } else if (chunk instanceof HeartbeatAckChunk ack) {
      a.heartbeats.onHeartbeatAck(now, ack);
    } else if (chunk instanceof AbortChunk abort) {
      a.counters.increment(MibCounter.SCTP_ABORTEDS);
      a.terminate(now, a.lostKind(), abort.causes(), "ABORT received from the peer");
      return false;
    } else if (chunk instanceof ShutdownChunk s) {
      a.shutdown.onShutdown(now, s, source);
    } else if (chunk instanceof ShutdownAckChunk) {
      a.shutdown.onShutdownAck(now, source);
    } else if (chunk instanceof ShutdownCompleteChunk) {
      a.shutdown.onShutdownComplete(now);
      return false;
    } else if (chunk instanceof ErrorChunk error) {
      if (!a.handshake.onError(now, error)) {
        a.components.emit(new RemoteError(a.id, error.causes()));
      }
    } else if (chunk instanceof CookieAckChunk) {
      a.handshake.onCookieAck(now);
    } else if (chunk instanceof InitAckChunk initAck) {
      a.handshake.onInitAck(now, initAck, source);
    } else if (chunk instanceof PadChunk) {
      // RFC 4820 section 3: a PAD chunk (a peer's PLPMTUD probe filler) is discarded silently.
    } else if (chunk instanceof InitChunk || chunk instanceof CookieEchoChunk) {
      // The endpoint routes INIT and COOKIE ECHO; one that gets here was bundled illegally.
      return false;
    } else {
      return UnrecognizedChunks.handle(a, chunk, source);
    }
    return true;
  }
}
