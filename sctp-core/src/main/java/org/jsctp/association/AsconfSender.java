package org.jsctp.association;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jsctp.path.Path;
import org.jsctp.stats.MibCounter;
import org.jsctp.util.SerialNumbers;
import org.jsctp.wire.AsconfAckChunk;
import org.jsctp.wire.AsconfChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.CommonHeader;
import org.jsctp.wire.ErrorCause;
import org.jsctp.wire.ErrorCauseIndicationParameter;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.IllegalAsconfAckCause;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.SuccessIndicationParameter;
import org.jsctp.wire.UnrecognizedChunkTypeCause;
import org.jsctp.wire.UnrecognizedParametersCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our side of dynamic address reconfiguration (RFC 5061): the requests the endpoint and the
 * application make about our addresses (add or delete one, make one the peer's primary) are
 * queued, sent one ASCONF at a time (section 5.1.1) and retransmitted under T-4 RTO with path and
 * association error counting (section 5.1 B1 to B5); their answers move our addresses and the
 * paths' source addresses (section 5.1 A5 to A9). The state lives in the TCB's {@link AsconfState}
 * and in the association's {@link LocalAddressSet}; the peer's requests are {@link
 * AsconfReceiver}'s.
 */
final class AsconfSender {

  private static final Logger LOG = LoggerFactory.getLogger(SctpAssociation.class);

  private final SctpAssociation a;

  AsconfSender(SctpAssociation a) {
    this.a = a;
  }

  /** Whether requests may be sent now or later: ADD-IP negotiated, not refused, established. */
  private AsconfState usable() {
    AsconfState s = AsconfChecks.state(a);
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
    AsconfState s = AsconfChecks.state(a);
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
      AsconfState negotiated = AsconfChecks.state(a);
      String why = negotiated == null ? "it did not negotiate ADD-IP"
          : negotiated.disabled || negotiated.setPrimaryUnsupported ? "its peer refused it"
          : "it is " + a.state();
      throw new IllegalStateException("SCTP_SET_PEER_PRIMARY_ADDR needs ADD-IP (RFC 5061)"
          + " negotiated and an established association; association " + a.id() + ": " + why);
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
    int room = path.maxPacketSize() - CommonHeader.LENGTH - a.auth().overhead(ChunkType.ASCONF)
        - 8 - address.paddedLength();
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
    AsconfState s = AsconfChecks.state(a);
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
    a.termination.countAssociationError(now, "ASCONF unanswered on ", path);
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
    AsconfState s = AsconfChecks.state(a);
    return s == null ? org.jsctp.timer.Timer.NEVER : s.timer.deadline();
  }

  /** Whether T-4 RTO is due at {@code now}. */
  boolean isDue(long now) {
    AsconfState s = AsconfChecks.state(a);
    return s != null && s.timer.isDue(now);
  }

  // ---- the peer's answers --------------------------------------------------------------------

  /**
   * An ASCONF-ACK (RFC 5061 section 5.1 A5 to A8): the one answering our ASCONF in flight stops
   * T-4 RTO, clears the error counters and settles each request; one answering an ASCONF we
   * never sent aborts the association (section 5.3 F0); any other, and one that is not
   * authenticated, is dropped. Without ADD-IP negotiated the chunk is an unknown one. Returns
   * whether the packet's processing goes on.
   */
  boolean onAsconfAck(long now, AsconfAckChunk ack, Destination source) {
    AsconfState s = AsconfChecks.state(a);
    if (s == null) {
      return AsconfChecks.notNegotiated(a, ack, source);
    }
    if (!AsconfChecks.mayTake(a)) {
      AsconfChecks.discard(a);
      return true;
    }
    AsconfState.InFlight f = s.inFlight;
    if (f == null && SerialNumbers.ge32(ack.serialNumber(), s.nextSerial)) {
      a.termination.abortWith(now, List.of(new IllegalAsconfAckCause(Bytes.EMPTY)),
          "ASCONF-ACK for serial number " + Integer.toUnsignedString(ack.serialNumber())
              + ", which no ASCONF had");
      return false;
    }
    if (f == null || ack.serialNumber() != f.chunk.serialNumber()) {
      AsconfChecks.discard(a);
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
    AsconfState s = AsconfChecks.state(a);
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

}
