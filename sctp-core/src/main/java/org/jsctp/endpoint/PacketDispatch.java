package org.jsctp.endpoint;

import java.util.List;
import org.jsctp.association.SctpAssociation;
import org.jsctp.association.AssociationState;
import org.jsctp.association.Destination;
import org.jsctp.association.StateCookie;
import org.jsctp.stats.MibCounter;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.AuthChunk;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.RawPacket;
import org.jsctp.wire.SctpPacket;
import org.jsctp.wire.ShutdownAckChunk;
import org.jsctp.wire.ShutdownCompleteChunk;

/**
 * Routes one decoded packet: INIT and COOKIE ECHO to the handshake, everything else to the
 * association its verification tag names, checked as RFC 9260 section 8.5 says, and packets
 * that belong to no association to the out-of-the-blue rules of section 8.4.
 *
 * <p>Over UDP the tag identifies the association: a packet whose tag and ports match is taken
 * even from a source address the peer never listed (a wildcard-bound peer lets its kernel pick
 * the source); replies go to that source.
 */
final class PacketDispatch {

  private final Endpoint endpoint;
  private final long now;
  private final SctpPacket packet;
  private final RawPacket raw;
  private final Destination source;
  private final int sourcePort;
  private final int vtag;

  PacketDispatch(Endpoint endpoint, long now, SctpPacket packet, RawPacket raw,
      Destination source) {
    this.endpoint = endpoint;
    this.now = now;
    this.packet = packet;
    this.raw = raw;
    this.source = source;
    this.sourcePort = packet.header().sourcePort();
    this.vtag = packet.header().verificationTag();
  }

  void run() {
    List<Chunk> chunks = packet.chunks();
    if (sourcePort == 0 || packet.header().destinationPort() != endpoint.localPort()) {
      // Another SCTP port on our UDP port, one nobody has bound: out of the blue there.
      if (sourcePort != 0 && containsInit(chunks) && !OutOfTheBlue.fromNonUnicast(source)) {
        endpoint.initResponder().refuseAtUnboundPort(packet, source);
      } else {
        endpoint.ootb().handle(now, packet, source);
      }
      return;
    }
    // RFC 4895 section 6.3: a leading AUTH chunk is looked past to find what the packet is.
    int lead = chunks.get(0) instanceof AuthChunk && chunks.size() > 1 ? 1 : 0;
    Chunk first = chunks.get(lead);
    if (containsInit(chunks)) {
      if (OutOfTheBlue.fromNonUnicast(source)) {
        discard(); // Section 8.4 rule 1 comes before rule 3.
        return;
      }
      endpoint.initResponder().onInit(now, packet, source);
      return;
    }
    if (first instanceof CookieEchoChunk echo) {
      onCookieEcho(echo, lead == 1);
      return;
    }
    if (bundlesLoneChunk(chunks)) {
      discard();
      return;
    }
    SctpAssociation a = endpoint.byTag(vtag);
    if (a != null && a.peerPort() == sourcePort) {
      if (!tagRulesAllow(a, first)) {
        discard();
        return;
      }
      a.handlePacket(now, packet, raw, 0, false, source);
      return;
    }
    SctpAssociation byPeer = endpoint.byPeer(source.remote(), sourcePort);
    if (byPeer != null) {
      // Section 8.5.1: an ABORT or SHUTDOWN COMPLETE with the T bit carries the peer's tag.
      if (vtag == byPeer.peerTag() && reflectsTag(first)) {
        byPeer.handlePacket(now, packet, raw, 0, false, source);
      } else {
        discard();
      }
      return;
    }
    endpoint.ootb().handle(now, packet, source);
  }

  private static boolean containsInit(List<Chunk> chunks) {
    for (int i = 0; i < chunks.size(); i++) {
      if (chunks.get(i) instanceof InitChunk) {
        return true;
      }
    }
    return false;
  }

  /**
   * Section 6.10: INIT ACK and SHUTDOWN COMPLETE travel alone. A packet bundling one of them with
   * other chunks is discarded whole, as a bundled INIT is (section 8.5.1).
   */
  private static boolean bundlesLoneChunk(List<Chunk> chunks) {
    if (chunks.size() < 2) {
      return false;
    }
    for (int i = 0; i < chunks.size(); i++) {
      Chunk c = chunks.get(i);
      if (c instanceof InitAckChunk || c instanceof ShutdownCompleteChunk) {
        return true;
      }
    }
    return false;
  }

  private static boolean reflectsTag(Chunk chunk) {
    return (chunk instanceof AbortChunk abort && abort.reflectedTag())
        || (chunk instanceof ShutdownCompleteChunk sc && sc.reflectedTag());
  }

  /**
   * The exceptions of section 8.5.1 for a packet found by our own tag: an ABORT or SHUTDOWN
   * COMPLETE with the T bit set must carry the peer's tag instead, so with our tag it is bogus;
   * a SHUTDOWN ACK during the handshake is treated as out of the blue by the association.
   */
  private boolean tagRulesAllow(SctpAssociation a, Chunk first) {
    if (reflectsTag(first) && vtag != a.peerTag()) {
      return false;
    }
    if (first instanceof ShutdownAckChunk && a.state().handshaking()) {
      return true;
    }
    return a.state() != AssociationState.CLOSED;
  }

  /**
   * A COOKIE ECHO leading the packet, or following a leading AUTH chunk ({@code afterAuth}). With
   * AUTH (RFC 4895 section 6.3) the AUTH chunk is verified with the existing association's keys,
   * or, when there is none, with the keys the cookie's association would have; a COOKIE ECHO
   * that must be authenticated and is not is discarded.
   */
  private void onCookieEcho(CookieEchoChunk echo, boolean afterAuth) {
    StateCookie cookie = StateCookie.verify(echo.cookie(), endpoint.cookieSecrets());
    if (cookie == null || cookie.localTag() != vtag || cookie.peerPort() != sourcePort) {
      discard();
      return;
    }
    SctpAssociation existing = endpoint.byTag(cookie.localTag());
    if (existing == null) {
      for (int i = 0; i < cookie.peerAddresses().size() && existing == null; i++) {
        existing = endpoint.byPeer(cookie.peerAddresses().get(i), sourcePort);
      }
      if (existing == null) {
        existing = endpoint.byPeer(source.remote(), sourcePort);
      }
    }
    int rest = afterAuth ? 2 : 1;
    if (existing != null) {
      if (afterAuth ? !existing.verifyLeadingAuth(packet, raw, source)
          : existing.requiresAuthentication(ChunkType.COOKIE_ECHO)) {
        discardUnauthenticated(afterAuth);
        return;
      }
      boolean tagsMatch = cookie.localTag() == existing.localTag() && cookie.peerTag() == existing.peerTag();
      if (cookie.isStale(now) && !tagsMatch) {
        endpoint.initResponder().staleCookie(now, cookie, packet, source);
        return;
      }
      if (existing.handleCookieEcho(now, cookie, source)) {
        existing.handlePacket(now, packet, raw, rest, afterAuth, source);
      } else {
        existing.counters().increment(MibCounter.SCTP_IN_SCTP_PACKS);
      }
      return;
    }
    if (OutOfTheBlue.fromNonUnicast(source)) {
      discard(); // Section 8.4 rule 1 comes before rule 4.
      return;
    }
    if (afterAuth ? !cookie.authenticates((AuthChunk) packet.chunks().get(0), raw,
        endpoint.defaultOptions().auth().keys()) : cookie.requiresAuthenticatedEcho()) {
      discardUnauthenticated(afterAuth);
      return;
    }
    if (cookie.isStale(now)) {
      endpoint.initResponder().staleCookie(now, cookie, packet, source);
      return;
    }
    endpoint.initResponder().accept(now, cookie, packet, raw, rest, afterAuth, source);
  }

  /** A COOKIE ECHO packet whose AUTH chunk did not verify, or that needed one and had none. */
  private void discardUnauthenticated(boolean afterAuth) {
    endpoint.counters().increment(afterAuth
        ? MibCounter.SCTP_IN_AUTH_BAD_HMACS
        : MibCounter.SCTP_IN_AUTH_MISSING);
    discard();
  }

  private void discard() {
    endpoint.counters().increment(MibCounter.SCTP_IN_PKT_DISCARDS);
  }
}
