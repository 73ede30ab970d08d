package org.jsctp.association;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.config.Sysctl;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.SendFailed;
import org.jsctp.path.Path;
import org.jsctp.api.PathState;
import org.jsctp.stats.MibCounter;
import org.jsctp.timer.Timer;
import org.jsctp.timer.TimerKind;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.SendOutcome;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.ErrorCause;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.InvalidMandatoryParameterCause;
import org.jsctp.wire.MissingMandatoryParameterCause;
import org.jsctp.wire.ParameterType;
import org.jsctp.wire.ProtocolViolationCause;
import org.jsctp.wire.StaleCookieCause;
import org.jsctp.wire.UnrecognizedParametersCause;
import org.jsctp.wire.UnresolvableAddressCause;

/**
 * The active side of the four-way handshake (RFC 9260 section 5.1): the INIT and COOKIE ECHO and
 * their retransmission under T1, bounded by Max.Init.Retransmits, the INIT ACK that builds the
 * TCB, the COOKIE ACK that brings the association up, and a stale cookie error (section 5.2.6).
 * Each method works on the handshake phase it is given and moves the association to the next.
 */
final class HandshakeHandler {

  private static final long MS = 1_000_000L;

  private final SctpAssociation a;

  HandshakeHandler(SctpAssociation a) {
    this.a = a;
  }

  /** Starts the handshake: the peer addresses given by the application count as confirmed. */
  void connect(long now, List<InetAddress> peers, int peerUdpPort) {
    for (InetAddress peer : peers) {
      a.pathFactory.addPath(peer, peerUdpPort, PathState.ACTIVE);
    }
    CookieWait w = new CookieWait(a.ctx.newLocalTag(), a.ctx.random().nextInt(), peers,
        new EarlyMessages(), new Timer(TimerKind.T1), announceAuth());
    a.transition(w, now);
    sendInit(w, now, 0);
  }

  /** What a new INIT announces for AUTH: a fresh Random with our lists, or null when not offered. */
  private AuthParameters announceAuth() {
    return HandshakeMessages.announceAuth(a.ctx, a.options);
  }

  private void sendInit(CookieWait w, long now, long cookiePreservativeMs) {
    Path path = a.paths.paths().get(w.initDestination % a.paths.paths().size());
    InitChunk init = HandshakeMessages.init(a.ctx, a.options, w.localTag, w.localInitialTsn,
        path.address(), cookiePreservativeMs, w.localAuth);
    a.controls.removeAll(InitChunk.class);
    a.queueControl(init, Destination.of(path), 0);
    w.sentAt = now;
    w.t1.start(now, t1Duration(path));
  }

  private long t1Duration(Path path) {
    return Math.min(path.rto().rto(), a.options.maxInitTimeoutMs() * MS);
  }

  /** Reports the messages queued before the association came up (it never did). */
  void failEarly(EarlyMessages early, String reason) {
    for (OutgoingMessage m : early.takeAll()) {
      a.components.emit(new SendFailed(a.id(), false, m.streamId(), m.payloadProtocolId(),
          m.unordered(), m.context(), reason, m.payload(), SendFailed.Cause.ASSOCIATION_ENDED));
    }
  }

  void onInitAck(long now, InitAckChunk ack, Destination source) {
    if (!(a.phase() instanceof CookieWait w)) {
      return; // RFC 9260 section 5.2.3: discard an unexpected INIT ACK.
    }
    if (ack.initiateTag() == 0) {
      // RFC 9260 section 3.3.3: the receiver MUST destroy the association (the ABORT is optional).
      a.termination.terminate(now, AssociationChange.Kind.CANT_STR_ASSOC, List.of(),
          "INIT ACK with Initiate Tag 0");
      return;
    }
    Bytes cookie = ack.stateCookie().orElse(null);
    if (cookie == null) {
      abortHandshake(now, ack.initiateTag(),
          new MissingMandatoryParameterCause(List.of(ParameterType.STATE_COOKIE)),
          "INIT ACK without a State Cookie");
      return;
    }
    if (ack.outboundStreams() == 0 || ack.inboundStreams() == 0
        || ack.advertisedReceiverWindowCredit() < 1500) {
      abortHandshake(now, ack.initiateTag(), new InvalidMandatoryParameterCause(),
          "INIT ACK with zero streams or a window below 1500");
      return;
    }
    PeerInit peer = PeerInit.read(ack.parameters(), source.remote(), a.ctx::allowsPeerAddress,
        (int) a.ctx.config().get(Sysctl.MAX_PEER_ADDRESSES));
    a.counters.add(MibCounter.SCTP_IGNORED_PEER_ADDRESSES, peer.ignoredAddresses());
    if (peer.hostName() != null) {
      abortHandshake(now, ack.initiateTag(), new UnresolvableAddressCause(peer.hostNameTlv()),
          "INIT ACK with a Host Name Address");
      return;
    }
    AuthParameters peerAuth = w.localAuth == null ? null : AuthParameters.announcedBy(ack.parameters());
    String authProblem = peerAuth == null ? null : peerAuth.problem();
    if (authProblem != null) {
      // RFC 4895 section 6.1: the association is aborted, with a Protocol Violation.
      abortHandshake(now, ack.initiateTag(), ProtocolViolationCause.of(authProblem),
          "INIT ACK with " + authProblem);
      return;
    }
    for (InetAddress address : peer.addresses()) {
      boolean given = w.connectAddresses.contains(address);
      a.pathFactory.addPath(address, source.udpPort(),
          given ? PathState.ACTIVE : PathState.UNCONFIRMED);
    }
    Path from = a.paths.find(source.remote());
    if (from != null) {
      a.paths.learnUdpPort(from, source.udpPort());
      if (w.t1.expirations() == 0 && now >= w.sentAt) {
        from.rto().addSample(now - w.sentAt);
      }
    }
    Authentication auth = Authentication.negotiate(w.localAuth, peerAuth, a.options.auth().keys());
    Tcb tcb = a.establishment.newTcb(w.localTag, ack.initiateTag(), w.localInitialTsn,
        ack.initialTsn(),
        Math.min(a.options.outboundStreams(), ack.inboundStreams()),
        Math.min(a.options.maxInboundStreams(), ack.outboundStreams()),
        ack.advertisedReceiverWindowCredit(),
        a.options.negotiatedWith(peer.extensions(), auth.negotiated()), auth);
    moveEarlyMessages(w.early.takeAll(), tcb);
    ErrorChunk report = peer.unrecognized().isEmpty() ? null
        : new ErrorChunk(unrecognizedCauses(peer.unrecognized()));
    a.controls.removeAll(InitChunk.class);
    w.t1.reset();
    CookieEchoed echoed = new CookieEchoed(tcb, w.connectAddresses, new CookieEchoChunk(cookie),
        report, new Timer(TimerKind.T1), w.initDestination);
    a.transition(echoed, now);
    sendCookieEcho(echoed, now);
  }

  /** Hands messages sent before the TCB existed to its sender, in order. */
  void moveEarlyMessages(List<OutgoingMessage> early, Tcb tcb) {
    for (OutgoingMessage m : early) {
      if (tcb.sender.send(m) != SendOutcome.ACCEPTED) {
        a.components.emit(new SendFailed(a.id(), false, m.streamId(), m.payloadProtocolId(),
            m.unordered(), m.context(), "stream " + m.streamId() + " is beyond the negotiated "
                + tcb.outboundStreams + " outbound streams", m.payload(),
            SendFailed.Cause.INVALID_STREAM));
      }
    }
  }

  private static List<ErrorCause> unrecognizedCauses(List<Bytes> raw) {
    List<ErrorCause> causes = new ArrayList<>();
    for (Bytes b : raw) {
      causes.add(new UnrecognizedParametersCause(b));
    }
    return causes;
  }

  private void sendCookieEcho(CookieEchoed e, long now) {
    Path path = a.paths.dataPath(now);
    if (path == null) {
      path = a.paths.paths().get(0);
    }
    Destination dest = Destination.of(path);
    a.queueControl(e.cookieEcho, dest);
    if (e.unrecognizedReport != null) {
      a.queueControl(e.unrecognizedReport, dest);
    }
    e.sentAt = now;
    e.t1.start(now, t1Duration(path));
  }

  /** Aborts a handshake whose peer broke the rules; the ABORT carries the peer's tag. */
  private void abortHandshake(long now, int peerTag, ErrorCause cause, String reason) {
    Path path = a.paths.paths().get(0);
    a.queueControl(new AbortChunk(false, List.of(cause)), Destination.of(path), peerTag);
    a.termination.countAbort(now, false, List.of(cause), reason);
    a.termination.terminate(now, AssociationChange.Kind.CANT_STR_ASSOC, List.of(), reason);
  }

  /** T1-init or T1-cookie, when due. */
  void onTimeout(long now) {
    if (a.phase() instanceof CookieWait w && w.t1.isDue(now)) {
      int expirations = w.t1.expire();
      a.counters.increment(MibCounter.SCTP_T1_INIT_EXPIREDS);
      if (!retriesLeft(now, expirations, "INIT")) {
        return;
      }
      backOff(w.initDestination);
      // RFC 9260 section 5.1: INIT retransmissions rotate over the peer's confirmed addresses.
      w.initDestination = nextConfirmed(w.initDestination);
      sendInit(w, now, 0);
    } else if (a.phase() instanceof CookieEchoed e && e.t1.isDue(now)) {
      int expirations = e.t1.expire();
      a.counters.increment(MibCounter.SCTP_T1_COOKIE_EXPIREDS);
      if (!retriesLeft(now, expirations, "COOKIE ECHO")) {
        return;
      }
      backOff(e.initDestination);
      a.controls.removeAll(CookieEchoChunk.class);
      a.controls.removeAll(ErrorChunk.class);
      sendCookieEcho(e, now);
    }
  }

  private boolean retriesLeft(long now, int expirations, String what) {
    if (expirations > a.options.maxInitAttempts()) {
      a.termination.terminate(now, AssociationChange.Kind.CANT_STR_ASSOC, List.of(),
          what + " retransmitted " + (expirations - 1) + " times without an answer");
      return false;
    }
    return true;
  }

  private void backOff(int initDestination) {
    List<Path> list = a.paths.paths();
    list.get(initDestination % list.size()).rto().backoff();
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
    if (!(a.phase() instanceof CookieEchoed e)) {
      return; // RFC 9260 section 5.2.5: discard.
    }
    Path path = a.paths.dataPath(now);
    if (path != null && e.t1.expirations() == 0 && now >= e.sentAt) {
      path.rto().addSample(now - e.sentAt);
    }
    e.t1.reset();
    a.establishment.established(e.tcb(), now, true);
  }

  /**
   * An ERROR in COOKIE-ECHOED with a Stale Cookie cause (section 5.2.6): start again with an
   * INIT carrying a Cookie Preservative; the messages the TCB held wait for the new one. Returns
   * whether the chunk was handled here.
   */
  boolean onError(long now, ErrorChunk error) {
    if (!(a.phase() instanceof CookieEchoed e)) {
      return false;
    }
    StaleCookieCause stale = error.cause(StaleCookieCause.class).orElse(null);
    if (stale == null) {
      return false;
    }
    // The restart counts as one more attempt; Timer.start keeps the expiration count.
    int expirations = e.t1.expire();
    if (expirations > a.options.maxInitAttempts()) {
      a.termination.terminate(now, AssociationChange.Kind.CANT_STR_ASSOC, List.of(stale),
          "cookie kept going stale");
      return true;
    }
    long preservativeMs = Math.min(stale.stalenessMicros() / 1000 + 1000, HandshakeMessages.MAX_PRESERVATIVE_MS);
    a.controls.removeAll(CookieEchoChunk.class);
    EarlyMessages early = new EarlyMessages();
    early.addAll(e.tcb().sender.takeUnsent());
    CookieWait w = new CookieWait(e.tcb().localTag, e.tcb().localInitialTsn, e.connectAddresses,
        early, e.t1, announceAuth());
    w.initDestination = e.initDestination;
    a.transition(w, now);
    sendInit(w, now, preservativeMs);
    return true;
  }
}
