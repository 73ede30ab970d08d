package org.jsctp.association;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.api.PathState;
import org.jsctp.config.Sysctl;
import org.jsctp.path.Path;
import org.jsctp.path.RtoEstimator;

/**
 * Adds the path to a peer address (learned from the handshake, given by the application, added
 * by the peer with ADD-IP, or restored from a snapshot): its RTO estimator, the local address it
 * sends from, its MTU from path_mtu and the interface's, and its heartbeat and PLPMTUD settings;
 * the endpoint learns the address so that packets from it find the association.
 */
final class PathFactory {

  private final SctpAssociation a;

  PathFactory(SctpAssociation a) {
    this.a = a;
  }

  /** The path to {@code address}: the existing one, or a new one in state {@code initial}. */
  Path addPath(InetAddress address, int udpPort, PathState initial) {
    Path existing = a.paths.find(address);
    if (existing != null) {
      return existing;
    }
    AssociationOptions options = a.options;
    AssociationContext ctx = a.ctx;
    RtoEstimator rto = new RtoEstimator(options.rtoInitialNanos(), options.rtoMinNanos(),
        options.rtoMaxNanos(), (int) ctx.config().get(Sysctl.RTO_ALPHA_EXP_DIVISOR),
        (int) ctx.config().get(Sysctl.RTO_BETA_EXP_DIVISOR));
    List<InetAddress> inUse = a.locals.inUse();
    InetAddress local = LocalAddressChoice.forPeer(address,
        inUse.isEmpty() ? ctx.localAddresses() : inUse);
    int interfaceMtu = ctx.interfaceMtu(local);
    int mtu = interfaceMtu >= 576 ? Math.min(options.pathMtu(), interfaceMtu) : options.pathMtu();
    Path p = new Path(a.paths.nextId(), address, udpPort, local, initial,
        options.defaultThresholds(), rto, mtu, options.initialSsthresh(),
        options.heartbeatIntervalNanos());
    a.paths.add(p, options.heartbeatEnabled(), options.plpmtudProbeIntervalNanos());
    ctx.peerAddressAdded(a, address);
    return p;
  }
}
