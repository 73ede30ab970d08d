package org.jsctp.ha;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jsctp.association.AssociationState;
import org.jsctp.association.Extensions;

/**
 * What identifies a replicated association and changes seldom: ports, verification tags and
 * Initial TSNs, its state, the negotiated streams and extensions, its settings, the local
 * addresses, the paths and the primary, the stream reconfiguration state. The data halves are in
 * {@link SenderSnapshot} and {@link ReceiverSnapshot}.
 *
 * @param associationId the association id on the active endpoint (kept on restore when free)
 * @param localPort our SCTP port
 * @param peerPort the peer's SCTP port
 * @param localTag the verification tag we expect (our Initiate Tag)
 * @param peerTag the verification tag the peer expects
 * @param localInitialTsn our Initial TSN
 * @param peerInitialTsn the peer's Initial TSN
 * @param state ESTABLISHED or one of the shutdown states (a handshake is never replicated)
 * @param extensions the extensions both sides negotiated
 * @param outboundStreams the streams we send on (grown by RE-CONFIG)
 * @param inboundStreams the streams the peer sends on
 * @param errorCount the association error counter (RFC 9260 section 8.1)
 * @param settings the association's options by name (see {@code docs/ha.md}); names a reader does
 *     not know are ignored and missing ones take the restoring endpoint's defaults
 * @param localAddresses the local addresses the association uses; the restoring endpoint must own
 *     them all
 * @param paths the peer's transport addresses, in path order
 * @param primaryPath the index of the primary path, or -1
 * @param reconfig the RE-CONFIG state, or null when stream reconfiguration was not negotiated
 */
public record AssociationHeader(
    int associationId,
    int localPort,
    int peerPort,
    int localTag,
    int peerTag,
    int localInitialTsn,
    int peerInitialTsn,
    AssociationState state,
    Extensions extensions,
    int outboundStreams,
    int inboundStreams,
    int errorCount,
    Map<String, Long> settings,
    List<InetAddress> localAddresses,
    List<PathSnapshot> paths,
    int primaryPath,
    ReconfigSnapshot reconfig) {

  public AssociationHeader {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(extensions, "extensions");
    if (state != AssociationState.ESTABLISHED && !state.shuttingDown()) {
      throw new IllegalArgumentException("only an established or shutting down association is "
          + "replicated, not one in " + state);
    }
    settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    localAddresses = List.copyOf(localAddresses);
    paths = List.copyOf(paths);
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("a replicated association has at least one path");
    }
    if (primaryPath < -1 || primaryPath >= paths.size()) {
      throw new IllegalArgumentException("primary path index " + primaryPath + " is not one of the "
          + paths.size() + " paths");
    }
  }
}
