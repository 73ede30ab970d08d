package org.jsctp.association;

import org.jsctp.api.PeerAddressChange;
import org.jsctp.api.SctpEvent;
import org.jsctp.config.ReceiveMemory;
import org.jsctp.path.Path;
import org.jsctp.path.PathEnvironment;
import org.jsctp.path.PathManager;
import org.jsctp.api.PathState;
import org.jsctp.rx.ReceiverEnvironment;
import org.jsctp.stats.MibCounter;
import org.jsctp.stats.MibCounters;
import org.jsctp.tx.SenderEnvironment;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.HeartbeatChunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the paths and the data halves tell their association, turned into notifications,
 * counters, error-counter resets and heartbeats: the association side of {@link
 * PathEnvironment}, {@link SenderEnvironment} and {@link ReceiverEnvironment}.
 */
final class ComponentEvents implements PathEnvironment, SenderEnvironment, ReceiverEnvironment {

  private static final Logger LOG = LoggerFactory.getLogger(SctpAssociation.class);

  private final SctpAssociation a;

  ComponentEvents(SctpAssociation a) {
    this.a = a;
  }

  @Override
  public int associationId() {
    return a.id();
  }

  @Override
  public PathManager paths() {
    return a.paths;
  }

  @Override
  public MibCounters counters() {
    return a.counters;
  }

  @Override
  public void emit(SctpEvent event) {
    a.emitEvent(event);
  }

  @Override
  public ReceiveMemory memory() {
    return a.ctx.receiveMemory();
  }

  @Override
  public void acknowledgedOnPath(Path path, long now) {
    if (path.errorCount() > 0 && LOG.isDebugEnabled()) {
      LOG.debug("association {}: data acknowledged on {}: its {} errors cleared", a.id(),
          path.address().getHostAddress(), path.errorCount());
    }
    a.paths.recordSuccess(path, now);
  }

  @Override
  public void acknowledgedNewData(long now) {
    Tcb tcb = a.tcb();
    if (tcb != null) {
      tcb.clearErrors();
    }
  }

  @Override
  public int dataAuthenticationOverhead() {
    Tcb tcb = a.tcb();
    return tcb == null ? 0 : tcb.auth.overhead(tcb.sender.chunkType());
  }

  @Override
  public void pathStateChanged(Path path, PathState from, PathState to, long now) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("association {}: path {} {} -> {}", a.id(), path.address().getHostAddress(), from, to);
    }
    a.ctx.observer().pathStateChanged(a, path.address(), from, to, path.errorCount(), now);
    PeerAddressChange.Kind kind = null;
    boolean expose = a.options.exposePotentiallyFailed();
    if (to == PathState.INACTIVE) {
      a.counters.increment(MibCounter.SCTP_INACTIVE_ENTRIES);
      kind = PeerAddressChange.Kind.ADDR_UNREACHABLE;
    } else if (to == PathState.POTENTIALLY_FAILED) {
      a.counters.increment(MibCounter.SCTP_PF_ENTRIES);
      if (expose) {
        kind = PeerAddressChange.Kind.ADDR_POTENTIALLY_FAILED;
      }
    } else if (to == PathState.ACTIVE) {
      if (from == PathState.UNCONFIRMED) {
        kind = PeerAddressChange.Kind.ADDR_CONFIRMED;
      } else if (from == PathState.INACTIVE || expose) {
        kind = PeerAddressChange.Kind.ADDR_AVAILABLE;
      }
    }
    if (kind != null) {
      emit(new PeerAddressChange(a.id(), path.address(), path.udpPort(), kind, path.errorCount()));
    }
    if (from == PathState.UNCONFIRMED) {
      a.options().validateThresholds();
    }
  }

  @Override
  public void dataPathChanged(Path from, Path to, long now) {
    a.counters.increment(MibCounter.SCTP_PATH_SWITCHOVERS);
    a.ctx.observer().dataPathChanged(a, from.address(), to.address(), now);
    if (LOG.isDebugEnabled()) {
      LOG.debug("association {}: data path {} -> {}", a.id(), from.address().getHostAddress(),
          to.address().getHostAddress());
    }
  }

  @Override
  public void primarySwitchedOver(Path from, Path to, long now) {
    a.counters.increment(MibCounter.SCTP_PRIMARY_SWITCHOVERS);
    a.ctx.observer().primarySwitchedOver(a, from.address(), to.address(), now);
    emit(new PeerAddressChange(a.id(), to.address(), to.udpPort(),
        PeerAddressChange.Kind.ADDR_MADE_PRIM, to.errorCount()));
  }

  @Override
  public void primaryRequested(Path path, long now) {
    emit(new PeerAddressChange(a.id(), path.address(), path.udpPort(),
        PeerAddressChange.Kind.ADDR_MADE_PRIM, path.errorCount()));
  }

  @Override
  public void sendHeartbeat(Path path, Bytes info, long now) {
    a.counters.increment(MibCounter.SCTP_HEARTBEATS_SENT);
    a.queueControl(HeartbeatChunk.of(info), Destination.of(path));
    a.touch();
  }

  @Override
  public void sendProbe(Path path, Bytes info, int size, long now) {
    a.queueProbe(path, info, size);
  }

  @Override
  public void pathMtuChanged(Path path, int from, int to, long now) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("association {}: path {} MTU {} -> {} (PLPMTUD {})", a.id(),
          path.address().getHostAddress(), from, to, path.plpmtud().state());
    }
  }

  @Override
  public void blackHoleDetected(Path path, long now) {
    a.counters.increment(MibCounter.SCTP_PLPMTUD_BLACK_HOLES);
    if (LOG.isDebugEnabled()) {
      LOG.debug("association {}: path {}: packets of its PLPMTU stopped getting through, back to {}",
          a.id(), path.address().getHostAddress(), path.mtu());
    }
    Tcb tcb = a.tcb();
    if (tcb != null) {
      tcb.sender.retransmitAfterBlackHole(path, now);
      a.touch();
    }
  }

  @Override
  public void probeDeferred(Path path) {
    a.counters.increment(MibCounter.SCTP_DEFERRED_PROBES);
  }

  @Override
  public long nextRandomLong() {
    return a.ctx.random().nextLong();
  }
}
