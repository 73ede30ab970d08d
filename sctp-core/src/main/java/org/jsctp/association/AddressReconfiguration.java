package org.jsctp.association;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jsctp.api.PathState;
import org.jsctp.api.PeerAddressChange;
import org.jsctp.config.Sysctl;
import org.jsctp.path.Path;
import org.jsctp.stats.MibCounter;
import org.jsctp.util.SerialNumbers;
import org.jsctp.wire.AddIpAddressParameter;
import org.jsctp.wire.AdaptationLayerIndicationParameter;
import org.jsctp.wire.AsconfAckChunk;
import org.jsctp.wire.AsconfChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.CommonHeader;
import org.jsctp.wire.DeleteIpAddressParameter;
import org.jsctp.wire.DeleteLastAddressCause;
import org.jsctp.wire.DeleteSourceAddressCause;
import org.jsctp.wire.ErrorCause;
import org.jsctp.wire.ErrorCauseIndicationParameter;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.IllegalAsconfAckCause;
import org.jsctp.wire.NoAuthorizationCause;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.ResourceShortageCause;
import org.jsctp.wire.SetPrimaryAddressParameter;
import org.jsctp.wire.SuccessIndicationParameter;
import org.jsctp.wire.UnknownParameter;
import org.jsctp.wire.UnrecognizedAction;
import org.jsctp.wire.UnrecognizedChunkTypeCause;
import org.jsctp.wire.UnrecognizedParametersCause;
import org.jsctp.wire.UnresolvableAddressCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dynamic address reconfiguration (RFC 5061) between the endpoint, the application, the wire and
 * the paths. Our requests (add or delete one of our addresses, make one the peer's primary) are
 * queued, sent one ASCONF at a time (section 5.1.1) and retransmitted under T-4 RTO with path and
 * association error counting (section 5.1 B1 to B5); their answers move our addresses and the
 * paths' source addresses (section 5.1 A5 to A9). The peer's ASCONFs are taken in serial number
 * order, answered from the packet's source and cached for a retransmission (section 5.2); each of
 * their requests adds, removes or promotes a path as sections 4.2 and 5.3 allow, within the
 * association's limit of paths. The state lives in the TCB's {@link AsconfState} and in the
 * association's {@link LocalAddressSet}.
 */
final class AddressReconfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(SctpAssociation.class);

  /** Room kept in a packet for an AUTH chunk: 8 bytes and an HMAC of up to 32 (RFC 4895). */
  private static final int AUTH_ROOM = 40;

  private final SctpAssociation a;

  AddressReconfiguration(SctpAssociation a) {
    this.a = a;
  }

  private AsconfState state() {
    Tcb tcb = a.tcb();
    return tcb == null ? null : tcb.asconf;
  }

  /** Whether requests may be sent now or later: ADD-IP negotiated, not refused, established. */
  private AsconfState usable() {
    AsconfState s = state();
    return s != null && !s.disabled && a.state() == AssociationState.ESTABLISHED ? s : null;
  }

  // ---- our addresses -------------------------------------------------------------------------

  /**
   * The endpoint bound {@code address}: the peer is asked to add it, and until it answers no
   * packet leaves from it (RFC 5061 section 5.3). Without ADD-IP the association does not learn
   * it, as before RFC 5061.
   */
  void localAddressAdded(InetAddress address) {
    AsconfState s = usable();
    if (s == null || s.addDeleteUnsupported) {
      return;
    }
    LocalAddressSet.State current = a.locals.state(address);
    if (current == LocalAddressSet.State.DELETING && cancelQueued(s, address)) {
      a.locals.set(address, LocalAddressSet.State.IN_USE);
      rechooseSources();
      return;
    }
    if (current != null) {
      return;
    }
    a.locals.set(address, LocalAddressSet.State.ADDING);
    s.queued.addLast(new AsconfRequest(AsconfRequest.Kind.ADD, address, s.nextCorrelationId()));
  }

  /**
   * Why {@code address} cannot leave this association now, or null when it can (or the association
   * does not hold it, or ends anyway).
   */
  String removalRefusal(InetAddress address) {
    LocalAddressSet.State current = a.locals.state(address);
    if (current == null || current == LocalAddressSet.State.DELETING
        || a.state().shuttingDown() || a.state() == AssociationState.CLOSED) {
      return null;
    }
    AsconfState s = state();
    if (s == null) {
      return "association " + a.id() + " did not negotiate ADD-IP (RFC 5061), so its peer cannot"
          + " learn that the address goes";
    }
    if (usable() == null || s.addDeleteUnsupported) {
      return "association " + a.id() + " cannot tell its peer now (" + a.state()
          + (s.disabled || s.addDeleteUnsupported ? ", the peer refused ADD-IP" : "") + ")";
    }
    if (!a.locals.hasAnotherBesides(address)) {
      return "it is the last address of association " + a.id()
          + " (RFC 5061 section 5.3: the peer would refuse to delete it)";
    }
    return null;
  }

  /**
   * The endpoint unbound {@code address} ({@link #removalRefusal} said it may go): the peer is
   * asked to delete it, no path sends from it any more, and it keeps receiving until the peer
   * answers. An address whose addition was not sent yet is simply forgotten.
   */
  void localAddressRemoved(InetAddress address) {
    LocalAddressSet.State current = a.locals.state(address);
    AsconfState s = usable();
    if (current == null || current == LocalAddressSet.State.DELETING || s == null) {
      return;
    }
    if (current == LocalAddressSet.State.ADDING && cancelQueued(s, address)) {
      a.locals.remove(address);
      return;
    }
    a.locals.set(address, LocalAddressSet.State.DELETING);
    cancelQueued(s, address);
    s.queued.addLast(new AsconfRequest(AsconfRequest.Kind.DELETE, address, s.nextCorrelationId()));
    rechooseSources();
  }

  /**
   * SCTP_SET_PEER_PRIMARY_ADDR (RFC 6458 section 8.3.1): asks the peer to send to {@code address},
   * one of ours, as its primary (RFC 5061 section 4.2.4).
   *
   * @throws IllegalStateException without ADD-IP, or when the peer refused Set Primary Address
   * @throws IllegalArgumentException when {@code address} is not an address of the association
   */
  void setPeerPrimary(InetAddress address) {
    AsconfState s = usable();
    if (s == null || s.setPrimaryUnsupported) {
      throw new IllegalStateException("SCTP_SET_PEER_PRIMARY_ADDR needs ADD-IP (RFC 5061)"
          + " negotiated and an established association: association " + a.id() + " is "
          + a.state() + (state() == null ? " without ADD-IP"
              : s == null || s.setPrimaryUnsupported ? " and its peer refused it" : ""));
    }
    LocalAddressSet.State current = a.locals.state(address);
    if (current == null || current == LocalAddressSet.State.DELETING) {
      throw new IllegalArgumentException("SCTP_SET_PEER_PRIMARY_ADDR: " + address.getHostAddress()
          + " is not a local address of association " + a.id() + " (its addresses: "
          + a.locals + ")");
    }
    s.queued.addLast(
        new AsconfRequest(AsconfRequest.Kind.SET_PRIMARY, address, s.nextCorrelationId()));
  }

  /** Drops the queued, unsent requests about {@code address}; returns whether there was one. */
  private static boolean cancelQueued(AsconfState s, InetAddress address) {
    boolean found = false;
    for (Iterator<AsconfRequest> it = s.queued.iterator(); it.hasNext(); ) {
      AsconfRequest r = it.next();
      if (r.address().equals(address) && r.kind() != AsconfRequest.Kind.SET_PRIMARY) {
        it.remove();
        found = true;
      }
    }
    return found;
  }

  /**
   * Every path sends from the address in use that suits its peer address best: one being
   * deleted is left, one just added may be taken.
   */
  void rechooseSources() {
    List<InetAddress> inUse = a.locals.inUse();
    if (inUse.isEmpty()) {
      return;
    }
    for (Path p : a.paths.paths()) {
      InetAddress best = LocalAddressChoice.forPeer(p.address(), inUse);
      a.paths.moveLocalAddress(p, best, a.options.initialSsthresh());
    }
  }

  // ---- sending our requests ------------------------------------------------------------------

  /**
   * Sends the queued requests in one ASCONF (as many as fit a packet) when none is in flight
   * (RFC 5061 section 5.1 A1 to A4). Cheap when nothing waits; called before each packet is
   * built.
   */
  void sendIfReady(long now) {
    AsconfState s = usable();
    if (s == null || s.inFlight != null || s.queued.isEmpty()) {
      return;
    }
    Path path = a.paths.dataPath(now);
    if (path == null) {
      return;
    }
    Parameter address = AddressParameters.of(addressOfAsconf(path));
    int room = path.maxPacketSize() - CommonHeader.LENGTH - AUTH_ROOM - 8
        - address.paddedLength();
    List<AsconfRequest> requests = new ArrayList<>();
    List<Parameter> parameters = new ArrayList<>();
    int used = 0;
    while (!s.queued.isEmpty()) {
      AsconfRequest next = s.queued.peekFirst();
      Parameter p = next.parameter();
      if (!requests.isEmpty() && (used + p.paddedLength() > room || deletesSource(next, path))) {
        // Section 5.3 F8: the peer refuses to delete the packet's source; the deletion waits
        // until the addition before it is acknowledged and the path sends from that address.
        break;
      }
      requests.add(s.queued.pollFirst());
      parameters.add(p);
      used += p.paddedLength();
    }
    AsconfChunk chunk = new AsconfChunk(s.nextSerial++, address, parameters);
    s.inFlight = new AsconfState.InFlight(chunk, List.copyOf(requests), path);
    transmit(now, s);
  }

  private static boolean deletesSource(AsconfRequest r, Path path) {
    return r.kind() == AsconfRequest.Kind.DELETE && r.address().equals(path.localAddress());
  }

  /**
   * The ASCONF's Address Parameter: an address of ours the peer knows (RFC 5061 section 4.1.1),
   * the one the path sends from.
   */
  private InetAddress addressOfAsconf(Path path) {
    if (a.locals.state(path.localAddress()) == LocalAddressSet.State.IN_USE) {
      return path.localAddress();
    }
    List<InetAddress> inUse = a.locals.inUse();
    return inUse.isEmpty() ? path.localAddress() : inUse.get(0);
  }

  private void transmit(long now, AsconfState s) {
    Path path = s.inFlight.path;
    a.queueControl(s.inFlight.chunk, Destination.of(path));
    s.timer.start(now, path.rto().rto());
  }

  /**
   * T-4 RTO expired (RFC 5061 section 5.1): B1 and B2 count an error of the path and of the
   * association, B3 backs off the path's RTO, B4 sends the same ASCONF again, to another path when
   * there is one, and B5 times it with that path's RTO.
   */
  void onTimeout(long now) {
    AsconfState s = state();
    if (s == null) {
      return;
    }
    s.timer.expire();
    AsconfState.InFlight f = s.inFlight;
    if (f == null) {
      s.timer.stop();
      return;
    }
    a.counters.increment(MibCounter.SCTP_ASCONF_EXPIREDS);
    Path path = f.path;
    boolean present = a.paths.paths().contains(path);
    if (present) {
      path.rto().backoff();
      a.paths.recordError(path, now);
    }
    a.countAssociationError(now, "ASCONF unanswered on ", path);
    if (a.state() == AssociationState.CLOSED) {
      return;
    }
    Path next = present ? a.paths.retransmissionPath(path) : a.paths.dataPath(now);
    if (next != null) {
      f.path = next;
    } else if (!present) {
      s.timer.stop();
      return;
    }
    transmit(now, s);
  }

  /** The deadline of T-4 RTO, or {@link org.jsctp.timer.Timer#NEVER}. */
  long deadline() {
    AsconfState s = state();
    return s == null ? org.jsctp.timer.Timer.NEVER : s.timer.deadline();
  }

  /** Whether T-4 RTO is due at {@code now}. */
  boolean isDue(long now) {
    AsconfState s = state();
    return s != null && s.timer.isDue(now);
  }

  // ---- the peer's answers --------------------------------------------------------------------

  /**
   * An ASCONF-ACK (RFC 5061 section 5.1 A5 to A8): the one answering our ASCONF in flight stops
   * T-4 RTO, clears the error counters and settles each request; one answering an ASCONF we
   * never sent aborts the association (section 5.3 F0); any other is dropped. Returns whether the
   * packet's processing goes on.
   */
  boolean onAsconfAck(long now, AsconfAckChunk ack) {
    AsconfState s = state();
    if (s == null || !authenticatedEnough()) {
      discard();
      return true;
    }
    AsconfState.InFlight f = s.inFlight;
    if (f == null && SerialNumbers.ge32(ack.serialNumber(), s.nextSerial)) {
      a.abortWith(now, List.of(new IllegalAsconfAckCause(Bytes.EMPTY)),
          "ASCONF-ACK for serial number " + Integer.toUnsignedString(ack.serialNumber())
              + ", which no ASCONF had");
      return false;
    }
    if (f == null || ack.serialNumber() != f.chunk.serialNumber()) {
      discard();
      return true;
    }
    s.inFlight = null;
    s.timer.stop();
    a.tcb().clearErrors();
    if (a.paths.paths().contains(f.path) && f.path.state().isConfirmed()) {
      a.paths.recordSuccess(f.path, now);
    }
    Map<Integer, Parameter> responses = new HashMap<>();
    for (Parameter p : ack.parameters()) {
      if (p instanceof SuccessIndicationParameter ok) {
        responses.putIfAbsent(ok.correlationId(), p);
      } else if (p instanceof ErrorCauseIndicationParameter error) {
        responses.putIfAbsent(error.correlationId(), p);
      }
    }
    boolean failedBefore = false;
    boolean moved = false;
    for (AsconfRequest r : f.requests) {
      Parameter response = responses.get(r.correlationId());
      List<ErrorCause> causes = List.of();
      boolean success;
      if (response instanceof ErrorCauseIndicationParameter error) {
        causes = error.causes();
        success = false;
        failedBefore = true;
      } else {
        // A7 and A8: no answer means success before the first failure, failure after it.
        success = response != null || !failedBefore;
      }
      moved |= settle(s, r, success, causes);
    }
    if (moved) {
      rechooseSources();
    }
    return true;
  }

  /** Applies the peer's answer to one request; returns whether our addresses in use changed. */
  private boolean settle(AsconfState s, AsconfRequest r, boolean success, List<ErrorCause> causes) {
    InetAddress address = r.address();
    LocalAddressSet.State current = a.locals.state(address);
    if (!success) {
      a.counters.increment(MibCounter.SCTP_ASCONF_REFUSED);
      if (unrecognized(causes)) {
        // Section 5.3: a request type the peer does not understand is not sent again.
        if (r.kind() == AsconfRequest.Kind.SET_PRIMARY) {
          s.setPrimaryUnsupported = true;
        } else {
          s.addDeleteUnsupported = true;
        }
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug("association {}: the peer refused {} {}: {}", a.id(), r.kind(),
            address.getHostAddress(), causes);
      }
    }
    switch (r.kind()) {
      case ADD -> {
        if (current != LocalAddressSet.State.ADDING) {
          return false;
        }
        if (success) {
          a.locals.set(address, LocalAddressSet.State.IN_USE);
        } else {
          a.locals.remove(address);
          cancelQueued(s, address);
        }
        return success;
      }
      case DELETE -> {
        if (current != LocalAddressSet.State.DELETING) {
          return false;
        }
        if (success) {
          a.locals.remove(address);
          return false;
        }
        // The peer keeps sending to it: so does the association, until it ends.
        a.locals.set(address, LocalAddressSet.State.IN_USE);
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private static boolean unrecognized(List<ErrorCause> causes) {
    for (ErrorCause c : causes) {
      if (c instanceof UnrecognizedParametersCause) {
        return true;
      }
    }
    return false;
  }

  /**
   * An ERROR chunk: one reporting ASCONF as an unrecognized chunk means the peer has no ADD-IP,
   * so no ASCONF goes again and T-4 RTO stops (RFC 5061 section 5.1 A9).
   */
  void onError(ErrorChunk error) {
    AsconfState s = state();
    if (s == null) {
      return;
    }
    for (ErrorCause c : error.causes()) {
      if (c instanceof UnrecognizedChunkTypeCause u && u.chunk().length() > 0
          && u.chunk().get(0) == ChunkType.ASCONF) {
        s.disabled = true;
        s.inFlight = null;
        s.queued.clear();
        s.timer.stop();
        for (InetAddress address : a.locals.all()) {
          if (a.locals.state(address) == LocalAddressSet.State.ADDING) {
            a.locals.remove(address);
          } else if (a.locals.state(address) == LocalAddressSet.State.DELETING) {
            a.locals.set(address, LocalAddressSet.State.IN_USE);
          }
        }
        rechooseSources();
        return;
      }
    }
  }

  // ---- the peer's requests -------------------------------------------------------------------

  /**
   * An ASCONF (RFC 5061 section 5.2): the next serial number is processed and answered, the
   * ASCONF-ACK kept; the last one processed again gets that ASCONF-ACK once more (a lost answer,
   * E2); any other, and one that is not authenticated (section 4.1.1), is dropped silently. The
   * answer goes to the packet's source. Returns whether the packet's processing goes on.
   */
  boolean onAsconf(long now, AsconfChunk chunk, Destination source) {
    AsconfState s = state();
    AssociationState st = a.state();
    if (s == null || st.handshaking() || st == AssociationState.SHUTDOWN_ACK_SENT
        || !authenticatedEnough()) {
      discard();
      return true;
    }
    int serial = chunk.serialNumber();
    if (serial == s.peerSerial + 1) {
      List<Path> added = new ArrayList<>();
      AsconfAckChunk ack = process(chunk, source, added);
      s.peerSerial = serial;
      s.lastAck = ack;
      a.queueControl(ack, source);
      // The answer goes before the probes of the addresses it added.
      for (Path p : added) {
        if (a.paths.paths().contains(p)) {
          a.paths.started(p, now);
        }
      }
    } else if (s.lastAck != null && serial == s.peerSerial) {
      a.queueControl(s.lastAck, source);
    } else {
      discard();
    }
    return true;
  }

  /** Whether the chunk being handled may be taken: authenticated, or addip_noauth_enable. */
  private boolean authenticatedEnough() {
    return a.options.asconfWithoutAuth() || a.chunkAuthenticated();
  }

  private void discard() {
    a.counters.increment(MibCounter.SCTP_IN_ASCONF_DISCARDS);
  }

  /**
   * Processes the requests in order (section 5.2 V1) and builds the answer. Until the first
   * failure a success needs no answer; after it every request gets one (section 5.1 A7). A
   * resource shortage ends the processing (section 5.3 F11), and so does an answer that would
   * not fit a packet: the requests left count as failed at the peer.
   */
  private AsconfAckChunk process(AsconfChunk chunk, Destination source, List<Path> added) {
    int room = answerRoom(source);
    List<Parameter> answers = new ArrayList<>();
    int used = 0;
    boolean failed = false;
    for (Parameter p : chunk.parameters()) {
      Parameter answer;
      boolean stop = false;
      if (p instanceof AddIpAddressParameter add) {
        ErrorCause cause = add(add, source, added);
        answer = respond(add.correlationId(), cause, failed);
        stop = cause instanceof ResourceShortageCause;
      } else if (p instanceof DeleteIpAddressParameter delete) {
        answer = respond(delete.correlationId(), delete(delete, source), failed);
      } else if (p instanceof SetPrimaryAddressParameter primary) {
        answer = respond(primary.correlationId(), setPrimary(primary, source), failed);
      } else if (p instanceof AdaptationLayerIndicationParameter) {
        // Section 4.2.6: nothing to answer; this stack has no adaptation layer notification.
        continue;
      } else {
        UnrecognizedAction action = p instanceof UnknownParameter u ? u.action()
            : UnrecognizedAction.ofParameterType(p.type());
        answer = action.reports() ? new ErrorCauseIndicationParameter(correlationIdOf(p),
            List.of(new UnrecognizedParametersCause(tlv(p)))) : null;
        stop = !action.continues();
      }
      if (answer != null) {
        if (used + answer.paddedLength() > room) {
          break;
        }
        used += answer.paddedLength();
        answers.add(answer);
        if (answer instanceof ErrorCauseIndicationParameter) {
          failed = true;
          a.counters.increment(MibCounter.SCTP_PEER_ASCONF_REFUSED);
        }
      }
      if (stop) {
        break;
      }
    }
    return new AsconfAckChunk(chunk.serialNumber(), answers);
  }

  /** The bytes an ASCONF-ACK's answers may take in a packet to {@code source}. */
  private int answerRoom(Destination source) {
    Path path = a.paths.find(source.remote());
    int packet = path != null ? path.maxPacketSize() : a.options.pathMtu() - 48;
    return packet - CommonHeader.LENGTH - AUTH_ROOM - 8;
  }

  /** The answer to one request: null for a success that needs none. */
  private static Parameter respond(int correlationId, ErrorCause cause, boolean failedBefore) {
    if (cause != null) {
      return new ErrorCauseIndicationParameter(correlationId, List.of(cause));
    }
    return failedBefore ? new SuccessIndicationParameter(correlationId) : null;
  }

  /**
   * Add IP Address (section 4.2.1): the wildcard address means the packet's source. An address
   * that cannot be a peer address is unresolvable, one outside the allowed peer addresses is
   * refused without a probe, one beyond max_peer_addresses is refused for resource shortage
   * (section 5.3 F9); a new one becomes an UNCONFIRMED path, to be probed by heartbeat.
   */
  private ErrorCause add(AddIpAddressParameter add, Destination source, List<Path> added) {
    InetAddress address = requested(add.address(), source);
    if (!PeerInit.usable(address) || a.locals.inUseLike(address) == 0) {
      return new UnresolvableAddressCause(tlv(add.address()));
    }
    if (!a.ctx.allowsPeerAddress(address)) {
      return new NoAuthorizationCause(tlv(add));
    }
    if (a.paths.find(address) != null) {
      return null;
    }
    if (a.paths.paths().size() >= a.ctx.config().get(Sysctl.MAX_PEER_ADDRESSES)) {
      a.counters.increment(MibCounter.SCTP_IGNORED_PEER_ADDRESSES);
      return new ResourceShortageCause(tlv(add));
    }
    Path path = a.addPath(address, source.udpPort(), PathState.UNCONFIRMED);
    added.add(path);
    emitChange(path, PeerAddressChange.Kind.ADDR_ADDED);
    return null;
  }

  /**
   * Delete IP Address (section 4.2.2): the wildcard address deletes every address but the
   * packet's source, which becomes the primary. The last address is never deleted (section 5.3
   * F7), nor the packet's source (F8); an address that is no path is unresolvable.
   */
  private ErrorCause delete(DeleteIpAddressParameter delete, Destination source) {
    InetAddress address = AddressParameters.address(delete.address());
    Path from = a.paths.find(source.remote());
    if (address.isAnyLocalAddress()) {
      if (from == null) {
        return new DeleteLastAddressCause(tlv(delete));
      }
      for (Path p : new ArrayList<>(a.paths.paths())) {
        if (p != from) {
          removePath(p, from);
        }
      }
      if (a.paths.requestPrimary(from)) {
        emitChange(from, PeerAddressChange.Kind.ADDR_MADE_PRIM);
      }
      return null;
    }
    Path path = a.paths.find(address);
    if (path != null && a.paths.paths().size() == 1) {
      return new DeleteLastAddressCause(tlv(delete));
    }
    if (address.equals(source.remote())) {
      return new DeleteSourceAddressCause(tlv(delete));
    }
    if (path == null) {
      return new UnresolvableAddressCause(tlv(delete.address()));
    }
    removePath(path, from);
    return null;
  }

  /**
   * Set Primary Address (section 4.2.4): the wildcard address means the packet's source. An
   * unconfirmed path becomes the primary once a heartbeat confirms it.
   */
  private ErrorCause setPrimary(SetPrimaryAddressParameter primary, Destination source) {
    InetAddress address = requested(primary.address(), source);
    Path path = a.paths.find(address);
    if (path == null) {
      return new UnresolvableAddressCause(tlv(primary.address()));
    }
    if (a.paths.primary() != path && a.paths.requestPrimary(path)) {
      emitChange(path, PeerAddressChange.Kind.ADDR_MADE_PRIM);
    }
    return null;
  }

  /** The address of a request; the wildcard address means the packet's source. */
  private static InetAddress requested(Parameter address, Destination source) {
    InetAddress a = AddressParameters.address(address);
    return a.isAnyLocalAddress() ? source.remote() : a;
  }

  /**
   * Takes a path out of the association: what is outstanding on it goes to another path, the
   * primary moves to {@code preferred} (the ASCONF's source) when it was the removed one, the
   * endpoint forgets the address, the application hears ADDR_REMOVED.
   */
  private void removePath(Path path, Path preferred) {
    Path target = a.paths.retransmissionPath(path);
    if (target == null || target == path) {
      target = preferred != null && preferred != path ? preferred : firstOther(path);
    }
    Tcb tcb = a.tcb();
    if (tcb != null) {
      tcb.sender.pathRemoved(path, target);
    }
    a.paths.remove(path, preferred);
    a.ctx.peerAddressRemoved(a, path.address());
    emitChange(path, PeerAddressChange.Kind.ADDR_REMOVED);
  }

  private Path firstOther(Path path) {
    for (Path p : a.paths.paths()) {
      if (p != path) {
        return p;
      }
    }
    return path;
  }

  private void emitChange(Path path, PeerAddressChange.Kind kind) {
    a.components.emit(new PeerAddressChange(a.id(), path.address(), path.udpPort(), kind,
        path.errorCount()));
  }

  /** A parameter's TLV as received, for an error cause that copies it (section 4.3). */
  private static Bytes tlv(Parameter p) {
    ByteBuffer b = ByteBuffer.allocate(p.paddedLength());
    p.writeTo(b);
    return Bytes.wrap(b.array(), 0, p.encodedLength());
  }

  /** The correlation ID of a request this stack does not know: its first four value bytes. */
  private static int correlationIdOf(Parameter p) {
    Bytes tlv = tlv(p);
    if (tlv.length() < 8) {
      return 0;
    }
    return (tlv.get(4) << 24) | (tlv.get(5) << 16) | (tlv.get(6) << 8) | tlv.get(7);
  }
}
