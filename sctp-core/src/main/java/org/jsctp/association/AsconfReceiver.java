package org.jsctp.association;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.PathState;
import org.jsctp.api.PeerAddressChange;
import org.jsctp.config.Sysctl;
import org.jsctp.path.Path;
import org.jsctp.stats.MibCounter;
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
import org.jsctp.wire.NoAuthorizationCause;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.ResourceShortageCause;
import org.jsctp.wire.SetPrimaryAddressParameter;
import org.jsctp.wire.SuccessIndicationParameter;
import org.jsctp.wire.UnknownParameter;
import org.jsctp.wire.UnrecognizedAction;
import org.jsctp.wire.UnrecognizedParametersCause;
import org.jsctp.wire.UnresolvableAddressCause;

/**
 * The peer's side of dynamic address reconfiguration (RFC 5061): its ASCONFs are taken in serial
 * number order, answered from the packet's source and cached for a retransmission (section 5.2);
 * each of their requests adds, removes or promotes a path as sections 4.2 and 5.3 allow, within
 * the association's limit of paths, and the application hears ADDR_ADDED, ADDR_REMOVED and
 * ADDR_MADE_PRIM. Our own requests are {@link AsconfSender}'s.
 */
final class AsconfReceiver {

  private final SctpAssociation a;

  AsconfReceiver(SctpAssociation a) {
    this.a = a;
  }

  // ---- the peer's requests -------------------------------------------------------------------

  /**
   * An ASCONF (RFC 5061 section 5.2): the next serial number is processed and answered, the
   * ASCONF-ACK kept; the last one processed again gets that ASCONF-ACK once more (a lost answer,
   * E2); any other, and one that is not authenticated (section 4.1.1), is dropped silently. The
   * answer goes to the packet's source. Without ADD-IP negotiated the chunk is an unknown one.
   * Returns whether the packet's processing goes on.
   */
  boolean onAsconf(long now, AsconfChunk chunk, Destination source) {
    AsconfState s = AsconfChecks.state(a);
    if (s == null) {
      return AsconfChecks.notNegotiated(a, chunk, source);
    }
    AssociationState st = a.state();
    if (st.handshaking() || st == AssociationState.SHUTDOWN_ACK_SENT
        || !AsconfChecks.mayTake(a)) {
      AsconfChecks.discard(a);
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
      AsconfChecks.discard(a);
    }
    return true;
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
    return packet - CommonHeader.LENGTH - a.auth().overhead(ChunkType.ASCONF_ACK) - 8;
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
    Path path = a.pathFactory.addPath(address, source.udpPort(), PathState.UNCONFIRMED);
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
