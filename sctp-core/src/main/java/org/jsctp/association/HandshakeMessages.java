package org.jsctp.association;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.config.Sysctl;
import org.jsctp.wire.AdaptationLayerIndicationParameter;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.CookiePreservativeParameter;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.StateCookieParameter;
import org.jsctp.wire.UnrecognizedParameter;

/** Builds INIT and INIT ACK chunks, the latter with its signed state cookie (RFC 9260 section 5.1). */
public final class HandshakeMessages {

  private static final long MS = 1_000_000L;

  /** The most a Cookie Preservative may add to a cookie's life (RFC 9260 section 5.2.6: 1 s over the RTT). */
  static final long MAX_PRESERVATIVE_MS = 60_000;

  private HandshakeMessages() {}

  /**
   * Our address parameters: all local addresses of the peer's family when there are several;
   * none with a single address, so that the peer uses the packet's source (RFC 6951 section 5.7).
   */
  static List<Parameter> localAddressParameters(List<InetAddress> locals, InetAddress peer) {
    List<InetAddress> sameFamily = new ArrayList<>();
    for (InetAddress a : locals) {
      if (a.getClass() == peer.getClass()) {
        sameFamily.add(a);
      }
    }
    if (sameFamily.size() < 2) {
      return List.of();
    }
    return PeerInit.addressParameterList(sameFamily);
  }

  static InitChunk init(
      AssociationContext ctx,
      AssociationOptions options,
      int localTag,
      int initialTsn,
      InetAddress peer,
      long cookiePreservativeMs,
      AuthParameters localAuth) {
    List<Parameter> params = new ArrayList<>(localAddressParameters(ctx.localAddresses(), peer));
    addExtensions(params, options.offeredExtensions(), localAuth);
    if (cookiePreservativeMs > 0) {
      params.add(new CookiePreservativeParameter(cookiePreservativeMs));
    }
    if (options.adaptationIndication() >= 0) {
      params.add(new AdaptationLayerIndicationParameter(options.adaptationIndication()));
    }
    return new InitChunk(
        localTag,
        options.rcvbuf(),
        options.outboundStreams(),
        options.maxInboundStreams(),
        initialTsn,
        params);
  }

  /**
   * Why the AUTH parameters of a peer's INIT break RFC 4895 section 6.1, when this side offers
   * AUTH: the INIT is then refused with a Protocol Violation. Null when they are fine or AUTH is
   * not in play.
   */
  public static String authProblem(AssociationOptions options, InitChunk init) {
    if (!options.auth().supported()) {
      return null;
    }
    AuthParameters peerAuth = AuthParameters.announcedBy(init.parameters());
    return peerAuth == null ? null : peerAuth.problem();
  }

  /**
   * What an INIT or INIT ACK announces for AUTH: a fresh Random with this side's lists, or null
   * when AUTH is not offered.
   */
  public static AuthParameters announceAuth(AssociationContext ctx, AssociationOptions options) {
    return options.auth().supported() ? options.auth().announce(ctx.random()) : null;
  }

  /**
   * An INIT ACK answering {@code init} that arrived from {@code source}, with a state cookie
   * holding everything the association needs. No state is kept.
   *
   * @param localTag the Initiate Tag of the INIT ACK
   * @param localInitialTsn the Initial TSN of the INIT ACK
   * @param localTieTag our tag of an existing association (section 5.2.2), else 0
   * @param peerTieTag the peer's tag of an existing association, else 0
   * @param localAuth what this side announces for AUTH, or null when it does not offer it
   * @param peerAuth what the INIT announced for AUTH (checked by the caller), or null
   */
  public static InitAckChunk initAck(
      AssociationContext ctx,
      AssociationOptions options,
      InitChunk init,
      int peerPort,
      Destination source,
      PeerInit peer,
      int localTag,
      int localInitialTsn,
      int localTieTag,
      int peerTieTag,
      long now,
      AuthParameters localAuth,
      AuthParameters peerAuth) {
    long lifetimeMs = ctx.config().get(Sysctl.VALID_COOKIE_LIFE);
    if (peer.cookiePreservativeMillis() > 0 && ctx.config().flag(Sysctl.COOKIE_PRESERVE_ENABLE)) {
      lifetimeMs += Math.min(peer.cookiePreservativeMillis(), MAX_PRESERVATIVE_MS);
    }
    Extensions offered = options.offeredTo(peer, localAuth != null);
    StateCookie cookie =
        new StateCookie(
            now,
            lifetimeMs * MS,
            localTag,
            init.initiateTag(),
            localInitialTsn,
            init.initialTsn(),
            init.advertisedReceiverWindowCredit(),
            Math.min(options.outboundStreams(), init.inboundStreams()),
            Math.min(options.maxInboundStreams(), init.outboundStreams()),
            localTieTag,
            peerTieTag,
            peerPort,
            peer.addresses(),
            source.remote(),
            source.local(),
            options.negotiatedWith(
                offered, peer.extensions(), localAuth != null && peerAuth != null),
            localAuth,
            localAuth == null ? null : peerAuth);
    Bytes signed = cookie.sign(ctx.cookieSecrets(), now);
    List<Parameter> params = new ArrayList<>();
    params.add(new StateCookieParameter(signed));
    params.addAll(localAddressParameters(ctx.localAddresses(), source.remote()));
    addExtensions(params, offered, localAuth);
    for (Bytes raw : peer.unrecognized()) {
      params.add(new UnrecognizedParameter(raw));
    }
    if (options.adaptationIndication() >= 0) {
      params.add(new AdaptationLayerIndicationParameter(options.adaptationIndication()));
    }
    return new InitAckChunk(
        localTag,
        options.rcvbuf(),
        // RFC 9260 section 3.3.3: OS must not exceed the MIS of the INIT.
        Math.min(options.outboundStreams(), init.inboundStreams()),
        options.maxInboundStreams(),
        localInitialTsn,
        params);
  }

  /**
   * The extensions offered, and with AUTH its Random, Chunk List and HMAC Algorithm parameters
   * and AUTH among the Supported Extensions (RFC 4895 section 3).
   */
  private static void addExtensions(List<Parameter> params, Extensions offered,
      AuthParameters localAuth) {
    if (localAuth == null) {
      params.addAll(offered.parameters());
      return;
    }
    params.addAll(offered.parameters(List.of(ChunkType.AUTH)));
    params.addAll(localAuth.parameters());
  }
}
