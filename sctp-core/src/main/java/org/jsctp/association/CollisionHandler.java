package org.jsctp.association;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.config.Sysctl;
import org.jsctp.api.AssociationChange;
import org.jsctp.path.Path;
import org.jsctp.api.PathState;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.stats.MibCounter;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.CookieReceivedWhileShuttingDownCause;
import org.jsctp.wire.ErrorCause;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.RestartWithNewAddressesCause;
import org.jsctp.wire.ShutdownAckChunk;

/**
 * The handshake chunks that meet an existing association (RFC 9260 section 5.2): an INIT in any
 * state (5.2.1, 5.2.2), a COOKIE ECHO with cases A to D of section 5.2.4 including the peer
 * restart, and the passive side's set-up from a valid cookie of a new peer (section 5.1 step D).
 */
final class CollisionHandler {

  private final SctpAssociation a;

  CollisionHandler(SctpAssociation a) {
    this.a = a;
  }

  /** An INIT for this association (matched by tag or by address). */
  void onInit(long now, InitChunk peerInit, Destination source) {
    PeerInit peer = PeerInit.read(peerInit.parameters(), source.remote(), a.ctx::allowsPeerAddress,
        (int) a.ctx.config().get(Sysctl.MAX_PEER_ADDRESSES));
    a.counters.add(MibCounter.SCTP_IGNORED_PEER_ADDRESSES, peer.ignoredAddresses());
    Phase phase = a.phase();
    switch (phase.state()) {
      case COOKIE_WAIT, COOKIE_ECHOED -> {
        boolean echoed = phase instanceof CookieEchoed;
        if (echoed && hasNewAddresses(peer)) {
          refuseNewAddresses(peerInit, peer, source);
          return;
        }
        // 5.2.1: answer with our original tag and parameters; T1 keeps running.
        int localTag = phase.localTag();
        int localTsn = phase instanceof CookieWait w ? w.localInitialTsn : a.tcb().localInitialTsn;
        sendInitAck(now, peerInit, peer, source, localTag, localTsn,
            echoed ? localTag : 0, echoed ? a.peerTag() : 0);
      }
      case SHUTDOWN_ACK_SENT -> a.queueControl(new ShutdownAckChunk(), source);
      case CLOSED -> {}
      default -> {
        if (hasNewAddresses(peer)) {
          refuseNewAddresses(peerInit, peer, source);
          return;
        }
        // 5.2.2: a new tag, tie-tags holding the current ones; the TCB stays as it is.
        sendInitAck(now, peerInit, peer, source, a.ctx.newLocalTag(), a.ctx.random().nextInt(),
            a.localTag(), a.peerTag());
      }
    }
  }

  private void sendInitAck(long now, InitChunk peerInit, PeerInit peer, Destination source,
      int tag, int tsn, int localTie, int peerTie) {
    AuthParameters localAuth = initAckAuth();
    AuthParameters peerAuth =
        localAuth == null ? null : AuthParameters.announcedBy(peerInit.parameters());
    InitAckChunk ack = HandshakeMessages.initAck(a.ctx, a.options, peerInit, a.peerPort(), source,
        peer, tag, tsn, localTie, peerTie, now, localAuth, peerAuth);
    a.queueControl(ack, source, peerInit.initiateTag());
  }

  /**
   * What an INIT ACK of ours announces for AUTH: during the handshake what our INIT did (the
   * association may still come from either); later, for a peer's restart, a fresh Random.
   */
  private AuthParameters initAckAuth() {
    Phase phase = a.phase();
    if (phase instanceof CookieWait w) {
      return w.localAuth;
    }
    Tcb tcb = a.tcb();
    if (tcb != null && phase.state().handshaking()) {
      return tcb.auth.local();
    }
    return HandshakeMessages.announceAuth(a.ctx, a.options);
  }

  private boolean hasNewAddresses(PeerInit peer) {
    for (InetAddress address : peer.addresses()) {
      if (a.paths.find(address) == null) {
        return true;
      }
    }
    return false;
  }

  private void refuseNewAddresses(InitChunk peerInit, PeerInit peer, Destination source) {
    List<InetAddress> fresh = new ArrayList<>();
    for (InetAddress address : peer.addresses()) {
      if (a.paths.find(address) == null) {
        fresh.add(address);
      }
    }
    ErrorCause cause = new RestartWithNewAddressesCause(PeerInit.addressParameters(fresh));
    a.queueControl(new AbortChunk(false, List.of(cause)), source, peerInit.initiateTag());
  }

  /**
   * A COOKIE ECHO whose MAC verified, for this association (section 5.2.4). Returns whether the
   * rest of the packet (bundled DATA) should be processed.
   */
  boolean onCookieEcho(long now, StateCookie cookie, Destination source) {
    int localTag = a.localTag();
    int peerTag = a.peerTag();
    boolean localMatches = cookie.localTag() == localTag;
    boolean peerMatches = cookie.peerTag() == peerTag;
    if (!localMatches && !peerMatches
        && cookie.localTieTag() == localTag && cookie.peerTieTag() == peerTag) {
      return restart(now, cookie, source);
    }
    if (localMatches && !peerMatches) {
      collision(now, cookie, source);
      return true;
    }
    if (!localMatches && peerMatches && cookie.localTieTag() == 0 && cookie.peerTieTag() == 0) {
      return false; // Case C: a late cookie; drop it.
    }
    if (localMatches) {
      // Case D: a duplicate COOKIE ECHO.
      if (a.phase() instanceof CookieEchoed e) {
        e.t1.reset();
        a.controls.removeAll(CookieEchoChunk.class);
        a.establishment.established(e.tcb(), now, true);
      }
      a.queueControl(new CookieAckChunk(), source);
      return true;
    }
    return false;
  }

  /** Case B: both sides sent INIT; take the peer's tag (and if need be its TSNs) from the cookie. */
  private void collision(long now, StateCookie cookie, Destination source) {
    Phase phase = a.phase();
    List<InetAddress> given = phase instanceof CookieWait w ? w.connectAddresses
        : phase instanceof CookieEchoed e ? e.connectAddresses : List.of();
    Tcb tcb = adoptCookie(cookie, source, given, a.tcb(), earlyMessagesOf(phase));
    if (phase instanceof CookieWait w) {
      w.t1.reset();
    } else if (phase instanceof CookieEchoed e) {
      e.t1.reset();
    }
    a.controls.removeAll(CookieEchoChunk.class);
    a.controls.removeAll(InitChunk.class);
    a.queueControl(new CookieAckChunk(), source, tcb.peerTag);
    if (phase.state().handshaking()) {
      a.establishment.established(tcb, now, true);
    } else if (phase instanceof Phase.WithTcb current) {
      a.transition(current.withTcb(tcb), now);
    }
  }

  private static List<OutgoingMessage> earlyMessagesOf(Phase phase) {
    return phase instanceof CookieWait w ? w.early.takeAll() : List.of();
  }

  /**
   * Learns the peer's addresses and parameters from a cookie and returns the TCB they make. The
   * data halves of {@code current} are kept when the peer's Initial TSN is the same; otherwise
   * new ones take over the messages not yet sent, and those already sent are reported.
   */
  private Tcb adoptCookie(StateCookie cookie, Destination source, List<InetAddress> given,
      Tcb current, List<OutgoingMessage> early) {
    for (InetAddress address : cookie.peerAddresses()) {
      boolean confirmed = address.equals(cookie.initSource()) || given.contains(address);
      a.pathFactory.addPath(address, source.udpPort(),
          confirmed ? PathState.ACTIVE : PathState.UNCONFIRMED);
    }
    Path from = a.paths.find(source.remote());
    if (from != null) {
      a.paths.learnUdpPort(from, source.udpPort());
    }
    Authentication auth =
        Authentication.negotiate(cookie.localAuth(), cookie.peerAuth(), a.options.auth().keys());
    if (current != null && current.peerInitialTsn == cookie.peerInitialTsn()) {
      return new Tcb(cookie.localTag(), cookie.peerTag(), current.localInitialTsn,
          current.peerInitialTsn, cookie.outboundStreams(), cookie.inboundStreams(),
          cookie.extensions(), current.sender, current.receiver,
          cookie.extensions().streamReconfiguration() ? current.reconfig : null, auth);
    }
    int localTsn = current != null ? current.localInitialTsn : cookie.localInitialTsn();
    Tcb tcb = a.establishment.newTcb(cookie.localTag(), cookie.peerTag(), localTsn,
        cookie.peerInitialTsn(), cookie.outboundStreams(), cookie.inboundStreams(),
        cookie.peerRwnd(), cookie.extensions(), auth);
    List<OutgoingMessage> carried = new ArrayList<>(early);
    if (current != null) {
      carried.addAll(current.sender.takeUnsent());
      current.sender.failAll("the peer's TSN space changed in an INIT collision");
    }
    a.handshake.moveEarlyMessages(carried, tcb);
    return tcb;
  }

  /** Case A: the peer restarted (section 5.2.4.1). */
  private boolean restart(long now, StateCookie cookie, Destination source) {
    if (a.state() == AssociationState.SHUTDOWN_ACK_SENT) {
      a.queueControl(new ShutdownAckChunk(), source);
      a.queueControl(new ErrorChunk(List.of(new CookieReceivedWhileShuttingDownCause())), source);
      return false;
    }
    Tcb old = a.tcb();
    if (old != null) {
      old.sender.failAll("the peer restarted");
    }
    int oldTag = a.localTag();
    a.controls.clear();
    for (Path p : a.paths.paths()) {
      p.congestion().reset(a.options.initialSsthresh());
      p.t3().reset();
    }
    // Our INIT ACK told the restarted peer the endpoint's addresses: ADD-IP starts from them.
    a.locals.reset(a.ctx.localAddresses());
    a.asconf.rechooseSources();
    List<InetAddress> given = a.phase() instanceof CookieWait w ? w.connectAddresses : List.of();
    Tcb tcb = adoptCookie(cookie, source, given, null, earlyMessagesOf(a.phase()));
    a.transition(new Established(tcb), now);
    a.ctx.localTagChanged(a, oldTag);
    a.components.emit(new AssociationChange(a.id(), AssociationChange.Kind.RESTART,
        tcb.outboundStreams, tcb.inboundStreams, List.of()));
    a.queueControl(new CookieAckChunk(), source);
    return true;
  }

  /** Sets up a passive association from a valid cookie of an unknown peer (section 5.1 step D). */
  void acceptCookie(long now, StateCookie cookie, Destination source) {
    Tcb tcb = adoptCookie(cookie, source, List.of(), null, List.of());
    a.queueControl(new CookieAckChunk(), source, tcb.peerTag);
    a.establishment.established(tcb, now, false);
  }
}
