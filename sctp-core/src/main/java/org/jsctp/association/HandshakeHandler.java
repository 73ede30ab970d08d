package org.jsctp.association;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.SendFailed;
import org.jsctp.path.Path;
import org.jsctp.path.PathState;
import org.jsctp.stats.MibCounter;
import org.jsctp.tx.OutgoingMessage;
import org.jsctp.tx.SendOutcome;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.CookieReceivedWhileShuttingDownCause;
import org.jsctp.wire.ErrorCause;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.InvalidMandatoryParameterCause;
import org.jsctp.wire.MissingMandatoryParameterCause;
import org.jsctp.wire.ParameterType;
import org.jsctp.wire.RestartWithNewAddressesCause;
import org.jsctp.wire.ShutdownAckChunk;
import org.jsctp.wire.StaleCookieCause;
import org.jsctp.wire.UnrecognizedParametersCause;
import org.jsctp.wire.UnresolvableAddressCause;

/**
 * The four-way handshake of RFC 9260 section 5.1 on the side that has a TCB: INIT and COOKIE
 * ECHO retransmission under T1 bounded by Max.Init.Retransmits, the INIT ACK and COOKIE ACK, a
 * stale cookie error (section 5.2.6), and the collision cases of section 5.2 (INIT in any state,
 * and COOKIE ECHO cases A to D including the peer restart).
 */
final class HandshakeHandler {

  private static final long MS = 1_000_000L;

  private final SctpAssociation a;
  private final List<OutgoingMessage> early = new ArrayList<>();
  private long earlyBytes;
  private List<InetAddress> connectAddresses = List.of();
  private int initDestination;
  private InitChunk init;
  private CookieEchoChunk cookieEcho;
  private ErrorChunk unrecognizedReport;
  private long sentAt;
  private int peerInitialTsn;

  HandshakeHandler(SctpAssociation a) {
    this.a = a;
  }

  // ---- active open -----------------------------------------------------------------------

  /** Starts the handshake: the peer addresses given by the application count as confirmed. */
  void connect(long now, List<InetAddress> peers, int peerUdpPort) {
    connectAddresses = List.copyOf(peers);
    for (InetAddress peer : peers) {
      a.addPath(peer, peerUdpPort, a.localAddressFor(peer), PathState.ACTIVE);
    }
    a.localTag = a.ctx.newLocalTag();
    a.localInitialTsn = a.ctx.random().nextInt();
    a.setState(AssociationState.COOKIE_WAIT, now);
    sendInit(now, 0);
  }

  private void sendInit(long now, long cookiePreservativeMs) {
    Path path = a.paths.paths().get(initDestination % a.paths.paths().size());
    init =
        HandshakeMessages.init(
            a.ctx, a.options(), a.localTag, a.localInitialTsn, path.address(), cookiePreservativeMs);
    a.controls.removeAll(InitChunk.class);
    a.queueControl(init, Destination.of(path), 0);
    sentAt = now;
    a.t1.start(now, t1Duration(path));
  }

  private long t1Duration(Path path) {
    return Math.min(path.rto().rto(), a.options().maxInitTimeoutMs() * MS);
  }

  /** A message sent before the association is up waits here, within the send buffer. */
  SendOutcome queueBeforeEstablished(OutgoingMessage m) {
    if (m.streamId() < 0 || m.streamId() >= a.options().outboundStreams()) {
      return SendOutcome.INVALID_STREAM;
    }
    if (earlyBytes > 0 && earlyBytes + m.payload().length() > a.options().sndbuf()) {
      return SendOutcome.WOULD_BLOCK;
    }
    early.add(m);
    earlyBytes += m.payload().length();
    return SendOutcome.ACCEPTED;
  }

  /** Reports the messages queued before the association came up (it never did). */
  void failQueued(String reason) {
    for (OutgoingMessage m : early) {
      a.emit(new SendFailed(a.id(), false, m.streamId(), m.payloadProtocolId(), m.unordered(),
          m.context(), reason, m.payload()));
    }
    early.clear();
    earlyBytes = 0;
  }

  private void moveEarlyMessages() {
    for (OutgoingMessage m : early) {
      if (a.sender.send(m) != SendOutcome.ACCEPTED) {
        a.emit(new SendFailed(a.id(), false, m.streamId(), m.payloadProtocolId(), m.unordered(),
            m.context(), "stream " + m.streamId() + " is beyond the negotiated "
                + a.outboundStreams + " outbound streams", m.payload()));
      }
    }
    early.clear();
    earlyBytes = 0;
  }

  void onInitAck(long now, InitAckChunk ack, Destination source) {
    if (a.state != AssociationState.COOKIE_WAIT) {
      return; // RFC 9260 section 5.2.3: discard an unexpected INIT ACK.
    }
    if (ack.initiateTag() == 0) {
      // RFC 9260 section 3.3.3: the receiver MUST destroy the association (the ABORT is optional).
      a.terminate(now, AssociationChange.Kind.CANT_STR_ASSOC, List.of(), "INIT ACK with Initiate Tag 0");
      return;
    }
    Bytes cookie = ack.stateCookie().orElse(null);
    if (cookie == null) {
      abortHandshake(now, ack.initiateTag(), new MissingMandatoryParameterCause(List.of(ParameterType.STATE_COOKIE)),
          "INIT ACK without a State Cookie");
      return;
    }
    if (ack.outboundStreams() == 0 || ack.inboundStreams() == 0
        || ack.advertisedReceiverWindowCredit() < 1500) {
      abortHandshake(now, ack.initiateTag(), new InvalidMandatoryParameterCause(),
          "INIT ACK with zero streams or a window below 1500");
      return;
    }
    PeerInit peer = PeerInit.read(ack.parameters(), source.remote(), a.ctx::allowsPeerAddress);
    if (peer.hostName() != null) {
      abortHandshake(now, ack.initiateTag(), new UnresolvableAddressCause(peer.hostNameTlv()),
          "INIT ACK with a Host Name Address");
      return;
    }
    a.peerTag = ack.initiateTag();
    a.outboundStreams = Math.min(a.options().outboundStreams(), ack.inboundStreams());
    a.inboundStreams = Math.min(a.options().maxInboundStreams(), ack.outboundStreams());
    peerInitialTsn = ack.initialTsn();
    for (InetAddress address : peer.addresses()) {
      boolean given = connectAddresses.contains(address);
      a.addPath(address, source.udpPort(), a.localAddressFor(address),
          given ? PathState.ACTIVE : PathState.UNCONFIRMED);
    }
    Path from = a.paths.find(source.remote());
    if (from != null) {
      from.setUdpPort(source.udpPort());
      if (a.t1.expirations() == 0 && now >= sentAt) {
        from.rto().addSample(now - sentAt);
      }
    }
    a.createDataHalves(peerInitialTsn, ack.advertisedReceiverWindowCredit());
    moveEarlyMessages();
    cookieEcho = new CookieEchoChunk(cookie);
    unrecognizedReport = peer.unrecognized().isEmpty() ? null
        : new ErrorChunk(unrecognizedCauses(peer.unrecognized()));
    a.controls.removeAll(InitChunk.class);
    a.t1.reset();
    a.setState(AssociationState.COOKIE_ECHOED, now);
    sendCookieEcho(now);
  }

  private static List<ErrorCause> unrecognizedCauses(List<Bytes> raw) {
    List<ErrorCause> causes = new ArrayList<>();
    for (Bytes b : raw) {
      causes.add(new UnrecognizedParametersCause(b));
    }
    return causes;
  }

  private void sendCookieEcho(long now) {
    Path path = a.paths.dataPath(now);
    if (path == null) {
      path = a.paths.paths().get(0);
    }
    Destination dest = Destination.of(path);
    a.queueControl(cookieEcho, dest);
    if (unrecognizedReport != null) {
      a.queueControl(unrecognizedReport, dest);
    }
    sentAt = now;
    a.t1.start(now, t1Duration(path));
  }

  /** Aborts a handshake whose peer broke the rules; the ABORT carries the peer's tag. */
  private void abortHandshake(long now, int peerTag, ErrorCause cause, String reason) {
    Path path = a.paths.paths().get(0);
    a.queueControl(new AbortChunk(false, List.of(cause)), Destination.of(path), peerTag);
    a.counters.increment(MibCounter.SCTP_ABORTEDS);
    a.terminate(now, AssociationChange.Kind.CANT_STR_ASSOC, List.of(), reason);
  }

  void onT1Expired(long now) {
    int expirations = a.t1.expire();
    boolean cookiePhase = a.state == AssociationState.COOKIE_ECHOED;
    a.counters.increment(cookiePhase ? MibCounter.SCTP_T1_COOKIE_EXPIREDS : MibCounter.SCTP_T1_INIT_EXPIREDS);
    if (expirations > a.options().maxInitAttempts()) {
      a.terminate(now, AssociationChange.Kind.CANT_STR_ASSOC, List.of(),
          (cookiePhase ? "COOKIE ECHO" : "INIT") + " retransmitted " + (expirations - 1)
              + " times without an answer");
      return;
    }
    List<Path> list = a.paths.paths();
    Path previous = list.get(initDestination % list.size());
    previous.rto().backoff();
    if (cookiePhase) {
      a.controls.removeAll(CookieEchoChunk.class);
      a.controls.removeAll(ErrorChunk.class);
      sendCookieEcho(now);
    } else {
      // RFC 9260 section 5.1: INIT retransmissions rotate over the peer's confirmed addresses.
      initDestination = nextConfirmed(initDestination);
      sendInit(now, 0);
    }
  }

  private int nextConfirmed(int from) {
    List<Path> list = a.paths.paths();
    for (int step = 1; step <= list.size(); step++) {
      int i = (from + step) % list.size();
      if (list.get(i).state().isConfirmed()) {
        return i;
      }
    }
    return from;
  }

  void onCookieAck(long now) {
    if (a.state != AssociationState.COOKIE_ECHOED) {
      return; // RFC 9260 section 5.2.5: discard.
    }
    Path path = a.paths.dataPath(now);
    if (path != null && a.t1.expirations() == 0 && now >= sentAt) {
      path.rto().addSample(now - sentAt);
    }
    a.t1.reset();
    a.established(now, true);
  }

  /**
   * An ERROR in COOKIE-ECHOED with a Stale Cookie cause (section 5.2.6): start again with an
   * INIT carrying a Cookie Preservative. Returns whether the chunk was handled here.
   */
  boolean onError(long now, ErrorChunk error) {
    if (a.state != AssociationState.COOKIE_ECHOED) {
      return false;
    }
    StaleCookieCause stale = error.cause(StaleCookieCause.class).orElse(null);
    if (stale == null) {
      return false;
    }
    // The restart counts as one more attempt; Timer.start keeps the expiration count.
    int expirations = a.t1.expire();
    if (expirations > a.options().maxInitAttempts()) {
      a.terminate(now, AssociationChange.Kind.CANT_STR_ASSOC, List.of(stale), "cookie kept going stale");
      return true;
    }
    long preservativeMs = Math.min(stale.stalenessMicros() / 1000 + 1000, HandshakeMessages.MAX_PRESERVATIVE_MS);
    a.controls.removeAll(CookieEchoChunk.class);
    a.peerTag = 0;
    a.setState(AssociationState.COOKIE_WAIT, now);
    sendInit(now, preservativeMs);
    return true;
  }

  // ---- collisions (section 5.2) ----------------------------------------------------------

  /** An INIT for this association (matched by tag or by address). */
  void onInit(long now, InitChunk peerInit, Destination source) {
    PeerInit peer = PeerInit.read(peerInit.parameters(), source.remote(), a.ctx::allowsPeerAddress);
    switch (a.state) {
      case COOKIE_WAIT, COOKIE_ECHOED -> {
        if (a.state == AssociationState.COOKIE_ECHOED && hasNewAddresses(peer)) {
          refuseNewAddresses(peerInit, peer, source);
          return;
        }
        // 5.2.1: answer with our original tag and parameters; T1 keeps running.
        int localTie = a.state == AssociationState.COOKIE_ECHOED ? a.localTag : 0;
        int peerTie = a.state == AssociationState.COOKIE_ECHOED ? a.peerTag : 0;
        sendInitAck(now, peerInit, peer, source, a.localTag, a.localInitialTsn, localTie, peerTie);
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
            a.localTag, a.peerTag);
      }
    }
  }

  private void sendInitAck(long now, InitChunk peerInit, PeerInit peer, Destination source,
      int tag, int tsn, int localTie, int peerTie) {
    InitAckChunk ack = HandshakeMessages.initAck(a.ctx, a.options(), peerInit, a.peerPort, source,
        peer, tag, tsn, localTie, peerTie, now);
    a.queueControl(ack, source, peerInit.initiateTag());
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
    boolean localMatches = cookie.localTag() == a.localTag;
    boolean peerMatches = cookie.peerTag() == a.peerTag;
    if (!localMatches && !peerMatches
        && cookie.localTieTag() == a.localTag && cookie.peerTieTag() == a.peerTag) {
      return restart(now, cookie, source);
    }
    if (localMatches && !peerMatches) {
      // Case B: both sides sent INIT; take the peer's tag from the cookie.
      a.peerTag = cookie.peerTag();
      adoptCookie(cookie, source);
      a.t1.reset();
      a.controls.removeAll(CookieEchoChunk.class);
      a.controls.removeAll(InitChunk.class);
      a.queueControl(new CookieAckChunk(), source);
      if (a.state.handshaking()) {
        a.established(now, true);
      }
      return true;
    }
    if (!localMatches && peerMatches && cookie.localTieTag() == 0 && cookie.peerTieTag() == 0) {
      return false; // Case C: a late cookie; drop it.
    }
    if (localMatches) {
      // Case D: a duplicate COOKIE ECHO.
      if (a.state == AssociationState.COOKIE_ECHOED) {
        a.t1.reset();
        a.controls.removeAll(CookieEchoChunk.class);
        a.established(now, true);
      }
      a.queueControl(new CookieAckChunk(), source);
      return true;
    }
    return false;
  }

  private void adoptCookie(StateCookie cookie, Destination source) {
    a.outboundStreams = cookie.outboundStreams();
    a.inboundStreams = cookie.inboundStreams();
    for (InetAddress address : cookie.peerAddresses()) {
      boolean confirmed = address.equals(cookie.initSource()) || connectAddresses.contains(address);
      a.addPath(address, source.udpPort(), a.localAddressFor(address),
          confirmed ? PathState.ACTIVE : PathState.UNCONFIRMED);
    }
    Path from = a.paths.find(source.remote());
    if (from != null) {
      from.setUdpPort(source.udpPort());
    }
    if (a.receiver == null || peerInitialTsn != cookie.peerInitialTsn()) {
      peerInitialTsn = cookie.peerInitialTsn();
      a.createDataHalves(cookie.peerInitialTsn(), cookie.peerRwnd());
      moveEarlyMessages();
    }
  }

  /** Case A: the peer restarted (section 5.2.4.1). */
  private boolean restart(long now, StateCookie cookie, Destination source) {
    if (a.state == AssociationState.SHUTDOWN_ACK_SENT) {
      a.queueControl(new ShutdownAckChunk(), source);
      a.queueControl(new ErrorChunk(List.of(new CookieReceivedWhileShuttingDownCause())), source);
      return false;
    }
    if (a.sender != null) {
      a.sender.failAll("the peer restarted");
    }
    int oldTag = a.localTag;
    a.localTag = cookie.localTag();
    a.peerTag = cookie.peerTag();
    a.localInitialTsn = cookie.localInitialTsn();
    a.controls.clear();
    a.t1.reset();
    a.t2.reset();
    a.t5.reset();
    a.errorCount = 0;
    for (Path p : a.paths.paths()) {
      p.congestion().reset(a.options().initialSsthresh());
      p.t3().reset();
    }
    a.receiver = null;
    adoptCookie(cookie, source);
    a.ctx.localTagChanged(a, oldTag);
    a.setState(AssociationState.ESTABLISHED, now);
    a.emit(new AssociationChange(a.id(), AssociationChange.Kind.RESTART, a.outboundStreams,
        a.inboundStreams, List.of()));
    a.queueControl(new CookieAckChunk(), source);
    return true;
  }

  /** Sets up a passive association from a valid cookie of an unknown peer (section 5.1 step D). */
  void acceptCookie(long now, StateCookie cookie, Destination source) {
    a.localTag = cookie.localTag();
    a.peerTag = cookie.peerTag();
    a.localInitialTsn = cookie.localInitialTsn();
    adoptCookie(cookie, source);
    a.queueControl(new CookieAckChunk(), source);
    a.established(now, false);
  }
}
