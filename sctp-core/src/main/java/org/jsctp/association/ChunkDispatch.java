package org.jsctp.association;

import java.util.List;
import org.jsctp.api.AuthenticationEvent;
import org.jsctp.api.RemoteError;
import org.jsctp.path.Path;
import org.jsctp.stats.MibCounter;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.AsconfAckChunk;
import org.jsctp.wire.AsconfChunk;
import org.jsctp.wire.AuthChunk;
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
import org.jsctp.wire.RawPacket;
import org.jsctp.wire.ReConfigChunk;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.SctpPacket;
import org.jsctp.wire.ShutdownAckChunk;
import org.jsctp.wire.ShutdownChunk;
import org.jsctp.wire.ShutdownCompleteChunk;
import org.jsctp.wire.UnsupportedHmacIdentifierCause;
import org.jsctp.wire.UserDataChunk;

/**
 * The chunks of a packet, in order, to the handler of each kind (RFC 9260 section 8.5 was
 * checked by the endpoint): what the packet changes for the path it came from, the end of the
 * packet for the SACK decision, and when a chunk stops the rest of the packet.
 */
final class ChunkDispatch {

  private final SctpAssociation a;
  /** Whether the chunk being handled came after a verified AUTH chunk (RFC 4895 section 6.3). */
  private boolean chunkAuthenticated;

  ChunkDispatch(SctpAssociation a) {
    this.a = a;
  }

  /** Whether the chunk being handled came after a verified AUTH chunk. */
  boolean chunkAuthenticated() {
    return chunkAuthenticated;
  }

  /**
   * The chunks from {@code firstChunk} on; {@code authenticated} when a leading AUTH chunk the
   * endpoint verified covers them. An AUTH chunk is verified over {@code raw} when AUTH was
   * negotiated (otherwise it is an unrecognized chunk that stops the packet), and a chunk that must
   * come after a verified AUTH chunk and does not is discarded (RFC 4895 section 6.3).
   */
  void handlePacket(long now, SctpPacket packet, RawPacket raw, int firstChunk,
      boolean authenticated, Destination source) {
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
    boolean authSeen = authenticated;
    for (int i = firstChunk; i < chunks.size() && a.state() != AssociationState.CLOSED; i++) {
      Chunk chunk = chunks.get(i);
      if (!(chunk instanceof UserDataChunk)) {
        a.counters.increment(MibCounter.SCTP_IN_CTRL_CHUNKS);
      }
      Authentication auth = a.auth();
      if (chunk instanceof AuthChunk authChunk && auth.negotiated()) {
        if (authSeen) {
          continue; // RFC 4895 section 4.1: one AUTH per packet; the first one's HMAC counts.
        }
        if (!authenticate(auth, authChunk, raw, i, source)) {
          break;
        }
        authSeen = true;
        authenticated = true;
        continue;
      }
      if (!authenticated && auth.requiredInbound(chunk.type())) {
        // RFC 4895 section 6.3: a chunk we listed counts only after a verified AUTH chunk.
        a.counters.increment(MibCounter.SCTP_IN_AUTH_MISSING);
        continue;
      }
      chunkAuthenticated = authenticated;
      boolean more = handleChunk(now, chunk, source);
      chunkAuthenticated = false;
      if (!more) {
        break;
      }
      hadData |= chunk instanceof UserDataChunk;
    }
    tcb = a.tcb();
    if (tcb != null) {
      tcb.receiver.endOfPacket(now, tcb.sender.isIdle());
      if (hadData && a.phase instanceof ShuttingDown s && s.state() == AssociationState.SHUTDOWN_SENT) {
        a.shutdown.onDataWhileShutdownSent(s, now);
      }
    }
    a.touch();
  }

  /**
   * Verifies the AUTH chunk leading a packet whose second chunk is a COOKIE ECHO for this
   * association (RFC 4895 section 6.3); false also when the association does not use AUTH.
   */
  boolean verifyLeadingAuth(SctpPacket packet, RawPacket raw, Destination source) {
    Authentication auth = a.auth();
    return auth.negotiated() && packet.chunks().get(0) instanceof AuthChunk chunk
        && authenticate(auth, chunk, raw, 0, source);
  }

  /**
   * Verifies the AUTH chunk at index {@code index} of the packet (RFC 4895 section 6.3), counting
   * the outcome: an unsupported HMAC Identifier is reported to the peer (cause 0x0105), an unknown
   * key and a wrong HMAC are discarded silently. A key the peer uses for the first time is
   * announced (SCTP_AUTH_NEW_KEY).
   */
  private boolean authenticate(Authentication auth, AuthChunk chunk, RawPacket raw, int index,
      Destination source) {
    int offset = raw.chunkOffset(index);
    Authentication.Verdict verdict = offset < 0
        ? Authentication.Verdict.BAD_HMAC
        : auth.verify(chunk, raw.array(), offset, raw.end());
    switch (verdict) {
      case AUTHENTIC -> {
        a.counters.increment(MibCounter.SCTP_IN_AUTH_CHUNKS);
        if (auth.peerKeyUsed(chunk.sharedKeyId())) {
          a.components.emit(new AuthenticationEvent(a.id,
              AuthenticationEvent.Indication.NEW_KEY, chunk.sharedKeyId()));
        }
        return true;
      }
      case UNSUPPORTED_HMAC -> {
        a.counters.increment(MibCounter.SCTP_IN_AUTH_UNSUPPORTED_HMACS);
        a.queueControl(new ErrorChunk(List.of(
            new UnsupportedHmacIdentifierCause(chunk.hmacId()))), source);
      }
      case UNKNOWN_KEY -> a.counters.increment(MibCounter.SCTP_IN_AUTH_UNKNOWN_KEYS);
      case BAD_HMAC -> a.counters.increment(MibCounter.SCTP_IN_AUTH_BAD_HMACS);
    }
    return false;
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
    } else if (chunk instanceof AsconfChunk c) {
      return a.peerAsconf.onAsconf(now, c, source);
    } else if (chunk instanceof AsconfAckChunk ack) {
      return a.asconf.onAsconfAck(now, ack, source);
    } else if (chunk instanceof HeartbeatChunk hb) {
      a.heartbeats.onHeartbeat(hb, source);
    } else if (chunk instanceof HeartbeatAckChunk ack) {
      a.heartbeats.onHeartbeatAck(now, ack);
    } else if (chunk instanceof AbortChunk abort) {
      a.termination.countAbort(now, true, abort.causes(), "ABORT received from the peer");
      a.termination.terminate(now, a.termination.lostKind(), abort.causes(),
          "ABORT received from the peer");
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
        a.asconf.onError(error);
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
