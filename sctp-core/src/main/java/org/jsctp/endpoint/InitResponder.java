package org.jsctp.endpoint;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.association.AuthParameters;
import org.jsctp.association.SctpAssociation;
import org.jsctp.association.Destination;
import org.jsctp.association.HandshakeMessages;
import org.jsctp.association.PeerInit;
import org.jsctp.association.StateCookie;
import org.jsctp.config.Sysctl;
import org.jsctp.stats.MibCounter;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.ErrorCause;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.InvalidMandatoryParameterCause;
import org.jsctp.wire.OutOfResourceCause;
import org.jsctp.wire.PacketBuilder;
import org.jsctp.wire.ProtocolViolationCause;
import org.jsctp.wire.RawPacket;
import org.jsctp.wire.RestartWithNewEncapsulationPortCause;
import org.jsctp.wire.SctpPacket;
import org.jsctp.wire.StaleCookieCause;
import org.jsctp.wire.UnresolvableAddressCause;

/**
 * The stateless side of the handshake (RFC 9260 section 5.1): answers an INIT with an INIT ACK
 * carrying a signed cookie and keeps nothing; turns a valid COOKIE ECHO from a new peer into an
 * association; refuses INITs it cannot take with an ABORT carrying the INIT's tag.
 */
final class InitResponder {

  private final Endpoint endpoint;

  InitResponder(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  void onInit(long now, SctpPacket packet, Destination source) {
    InitChunk init = acceptableInit(packet);
    if (init == null) {
      return;
    }
    int peerPort = packet.header().sourcePort();
    PeerInit peer = PeerInit.read(init.parameters(), source.remote(), endpoint::allowsPeer,
        (int) endpoint.config().get(Sysctl.MAX_PEER_ADDRESSES));
    endpoint.counters().add(MibCounter.SCTP_IGNORED_PEER_ADDRESSES, peer.ignoredAddresses());
    if (init.outboundStreams() == 0 || init.inboundStreams() == 0
        || init.advertisedReceiverWindowCredit() < 1500) {
      // Section 3.3.2: refuse, leaving any existing association alone.
      refuse(source, peerPort, init.initiateTag(), new InvalidMandatoryParameterCause());
      return;
    }
    if (peer.hostName() != null) {
      refuse(source, peerPort, init.initiateTag(), new UnresolvableAddressCause(peer.hostNameTlv()));
      return;
    }
    String authProblem = HandshakeMessages.authProblem(endpoint.defaultOptions(), init);
    if (authProblem != null) {
      // RFC 4895 section 6.1: a Random that is not 32 bytes, or no SHA-1, aborts the association.
      refuse(source, peerPort, init.initiateTag(), ProtocolViolationCause.of(authProblem));
      return;
    }
    SctpAssociation existing = null;
    for (InetAddress address : peer.addresses()) {
      existing = endpoint.byPeer(address, peerPort);
      if (existing != null) {
        break;
      }
    }
    if (existing != null) {
      // draft-tuexen-tsvwg-sctp-udp-encaps-cons: an INIT never changes a path's encapsulation
      // port; one from a different UDP port is refused with cause 14 and the association kept.
      int udpPort = existing.peerUdpPort(source.remote());
      if (udpPort != 0 && udpPort != source.udpPort()) {
        refuse(source, peerPort, init.initiateTag(),
            new RestartWithNewEncapsulationPortCause(udpPort, source.udpPort()));
        return;
      }
      existing.handleInit(now, init, source);
      return;
    }
    if (!endpoint.isListening()) {
      endpoint.counters().increment(MibCounter.SCTP_OUT_OF_BLUES);
      refuse(source, peerPort, init.initiateTag(), null);
      return;
    }
    if (endpoint.atAssociationLimit(source.remote())) {
      endpoint.counters().increment(MibCounter.SCTP_REFUSED_ASSOCIATIONS);
      refuse(source, peerPort, init.initiateTag(), new OutOfResourceCause());
      return;
    }
    int tag = endpoint.context().newLocalTag();
    int tsn = endpoint.random().nextInt();
    AuthParameters localAuth =
        HandshakeMessages.announceAuth(endpoint.context(), endpoint.defaultOptions());
    AuthParameters peerAuth =
        localAuth == null ? null : AuthParameters.announcedBy(init.parameters());
    InitAckChunk ack = HandshakeMessages.initAck(endpoint.context(), endpoint.defaultOptions(),
        init, peerPort, source, peer, tag, tsn, 0, 0, now, localAuth, peerAuth);
    reply(source, peerPort, init.initiateTag(), ack);
  }

  /**
   * An INIT for another SCTP port on our UDP port, one nobody has bound: section 8.4 rule 3, as a
   * stack without that port answers it, an ABORT with the INIT's tag and the T bit clear, sent
   * from the port the INIT was for.
   */
  void refuseAtUnboundPort(SctpPacket packet, Destination source) {
    InitChunk init = acceptableInit(packet);
    if (init == null) {
      return;
    }
    endpoint.counters().increment(MibCounter.SCTP_OUT_OF_BLUES);
    reply(source, packet.header().destinationPort(), packet.header().sourcePort(),
        init.initiateTag(), new AbortChunk(false, List.of()));
  }

  /** The packet's INIT when it may be answered at all, else null (counted as discarded). */
  private InitChunk acceptableInit(SctpPacket packet) {
    endpoint.counters().increment(MibCounter.SCTP_IN_SCTP_PACKS);
    List<Chunk> chunks = packet.chunks();
    // Section 8.5.1: an INIT travels alone with tag 0; anything else is discarded.
    if (chunks.size() != 1 || packet.header().verificationTag() != 0
        || !(chunks.get(0) instanceof InitChunk init)) {
      endpoint.counters().increment(MibCounter.SCTP_IN_PKT_DISCARDS);
      return null;
    }
    endpoint.counters().increment(MibCounter.SCTP_IN_CTRL_CHUNKS);
    if (init.initiateTag() == 0) {
      // Section 3.3.2: silently discard an INIT with Initiate Tag 0.
      endpoint.counters().increment(MibCounter.SCTP_IN_PKT_DISCARDS);
      return null;
    }
    return init;
  }

  private void refuse(Destination source, int peerPort, int initiateTag, ErrorCause cause) {
    List<ErrorCause> causes = cause == null ? List.of() : List.of(cause);
    reply(source, peerPort, initiateTag, new AbortChunk(false, causes));
  }

  void staleCookie(long now, StateCookie cookie, SctpPacket packet, Destination source) {
    endpoint.counters().increment(MibCounter.SCTP_IN_SCTP_PACKS);
    ErrorChunk error = new ErrorChunk(List.of(new StaleCookieCause(cookie.stalenessMicros(now))));
    reply(source, packet.header().sourcePort(), cookie.peerTag(), error);
  }

  /**
   * Sets up the association of a valid cookie and hands it the rest of the packet, from chunk
   * {@code rest} on; {@code authenticated} when a leading AUTH chunk verified.
   */
  void accept(long now, StateCookie cookie, SctpPacket packet, RawPacket raw, int rest,
      boolean authenticated, Destination source) {
    if (!endpoint.isListening()) {
      endpoint.counters().increment(MibCounter.SCTP_IN_PKT_DISCARDS);
      return;
    }
    if (endpoint.atAssociationLimit(cookie.initSource())) {
      // The table filled between the INIT and its COOKIE ECHO (or the cookie is replayed).
      endpoint.counters().increment(MibCounter.SCTP_REFUSED_ASSOCIATIONS);
      refuse(source, packet.header().sourcePort(), cookie.peerTag(), new OutOfResourceCause());
      return;
    }
    SctpAssociation a = SctpAssociation.accept(endpoint.context(), endpoint.allocateId(), now, cookie,
        source, endpoint.defaultOptions().copy());
    endpoint.register(a);
    a.handlePacket(now, packet, raw, rest, authenticated, source);
  }

  private void reply(Destination to, int peerPort, int vtag, Chunk chunk) {
    reply(to, endpoint.localPort(), peerPort, vtag, chunk);
  }

  private void reply(Destination to, int localPort, int peerPort, int vtag, Chunk chunk) {
    PacketBuilder builder = new PacketBuilder(
        (int) endpoint.config().get(Sysctl.PATH_MTU) - (to.remote() instanceof java.net.Inet6Address ? 48 : 28));
    if (!builder.add(chunk)) {
      return;
    }
    endpoint.counters().increment(MibCounter.SCTP_OUT_CTRL_CHUNKS);
    byte[] bytes = builder.build(localPort, peerPort, vtag);
    endpoint.send(new Transmit(to.local(), to.remote(), to.udpPort(), bytes));
  }
}
