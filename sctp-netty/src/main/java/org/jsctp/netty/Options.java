package org.jsctp.netty;

import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_ASSOCINFO;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_AUTOCLOSE;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_DEFAULT_SEND_PARAM;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_DELAYED_SACK;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_DISABLE_FRAGMENTS;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_EVENTS;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_EXPLICIT_COMPLETE;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_EXPOSE_POTENTIALLY_FAILED_STATE;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_FRAGMENT_INTERLEAVE;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_GET_PEER_ADDR_INFO;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_INITMSG;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_INIT_MAXSTREAMS;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_MAXSEG;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_MAX_BURST;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_NODELAY;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_PARTIAL_DELIVERY_POINT;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_PEER_ADDR_PARAMS;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_PEER_ADDR_THLDS;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_PRIMARY_ADDR;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_PR_ASSOC_STATUS;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_PR_STREAM_STATUS;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_PLPMTUD_PROBE_INTERVAL;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_RTOINFO;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_SET_PEER_PRIMARY_ADDR;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_STATUS;
import static org.jsctp.netty.SctpStandardSocketOptions.SO_LINGER;
import static org.jsctp.netty.SctpStandardSocketOptions.SO_RCVBUF;
import static org.jsctp.netty.SctpStandardSocketOptions.SO_SNDBUF;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.NotYetConnectedException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jsctp.api.PeerAddressParams;
import org.jsctp.api.PeerAddressThresholds;
import org.jsctp.association.SctpAssociation;
import org.jsctp.api.AssociationStatus;
import org.jsctp.association.AssociationOptions;
import org.jsctp.association.AssociationSettings;
import org.jsctp.association.LiveOptions;
import org.jsctp.netty.SctpStandardSocketOptions.InitMaxStreams;
import org.jsctp.netty.option.AssocInfo;
import org.jsctp.netty.option.DefaultSendParam;
import org.jsctp.netty.option.DelayedSack;
import org.jsctp.netty.option.EventSubscription;
import org.jsctp.netty.option.InitMsg;
import org.jsctp.netty.option.PlpmtudProbeInterval;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.jsctp.netty.option.RtoInfo;

/**
 * Reads and writes every socket option against a channel's {@link ChannelOptions} (what new
 * associations start from) and, when there is one, a live core association. Callers run this on the
 * endpoint's event loop whenever a live association or a bound endpoint is involved.
 */
final class Options {

  /** Every option, in declaration order. */
  static final Set<SctpSocketOption<?>> ALL = allOptions();

  private static Set<SctpSocketOption<?>> allOptions() {
    Set<SctpSocketOption<?>> all =
        new LinkedHashSet<>(
            List.of(
                SCTP_DISABLE_FRAGMENTS,
                SCTP_EXPLICIT_COMPLETE,
                SCTP_FRAGMENT_INTERLEAVE,
                SCTP_INIT_MAXSTREAMS,
                SCTP_NODELAY,
                SCTP_PRIMARY_ADDR,
                SCTP_SET_PEER_PRIMARY_ADDR,
                SO_LINGER,
                SO_RCVBUF,
                SO_SNDBUF,
                SCTP_RTOINFO,
                SCTP_ASSOCINFO,
                SCTP_INITMSG,
                SCTP_AUTOCLOSE,
                SCTP_PEER_ADDR_PARAMS,
                SCTP_PEER_ADDR_THLDS,
                SCTP_DEFAULT_SEND_PARAM,
                SCTP_EVENTS,
                SCTP_MAXSEG,
                SCTP_STATUS,
                SCTP_GET_PEER_ADDR_INFO,
                SCTP_DELAYED_SACK,
                SCTP_MAX_BURST,
                SCTP_PARTIAL_DELIVERY_POINT,
                SCTP_EXPOSE_POTENTIALLY_FAILED_STATE,
                SCTP_REMOTE_UDP_ENCAPS_PORT,
                SCTP_LOCAL_UDP_ENCAPS_PORT,
                SCTP_PLPMTUD_PROBE_INTERVAL));
    all.addAll(ExtensionOptions.ALL);
    all.addAll(AuthSocketOptions.ALL);
    return Set.copyOf(all);
  }

  /** The options of a one-to-one channel: all but SCTP_AUTOCLOSE. */
  static final Set<SctpSocketOption<?>> ONE_TO_ONE = without(ALL, Set.of(SCTP_AUTOCLOSE));

  /** The options of a server channel: those that shape the associations it accepts. */
  static final Set<SctpSocketOption<?>> SERVER =
      without(
          ALL,
          Set.of(
              SCTP_AUTOCLOSE,
              SCTP_STATUS,
              SCTP_GET_PEER_ADDR_INFO,
              SCTP_PRIMARY_ADDR,
              SCTP_SET_PEER_PRIMARY_ADDR,
              SCTP_PR_ASSOC_STATUS,
              SCTP_PR_STREAM_STATUS,
              SctpStandardSocketOptions.SCTP_PEER_AUTH_CHUNKS));

  private static Set<SctpSocketOption<?>> without(
      Set<SctpSocketOption<?>> all, Set<SctpSocketOption<?>> minus) {
    Set<SctpSocketOption<?>> s = new LinkedHashSet<>(all);
    s.removeAll(minus);
    return Set.copyOf(s);
  }

  /**
   * What an option call acts on.
   *
   * @param opts the channel's options
   * @param template whether a write also changes what new associations start from
   * @param live the association, or null
   * @param runtime the bound endpoint, or null before bind (never null with {@code live})
   * @param peer the peer address a per-address option is about, or null
   */
  record Target(
      ChannelOptions opts,
      boolean template,
      SctpAssociation live,
      EndpointRuntime runtime,
      InetSocketAddress peer) {

    /** Now on the endpoint's clock; only with a live association. */
    long now() {
      return runtime.now();
    }
  }

  private Options() {}

  // ---- writing -------------------------------------------------------------------------------

  static void set(SctpSocketOption<?> name, Object raw, Target t) {
    Object value = ((OptionKey<?>) name).validate(raw);
    ChannelOptions o = t.opts();
    o.lock.lock();
    try {
      if (ExtensionOptions.handles(name)) {
        ExtensionOptions.set(name, value, t);
      } else if (AuthSocketOptions.handles(name)) {
        AuthSocketOptions.set(name, value, t);
      } else if (name == SCTP_DISABLE_FRAGMENTS) {
        boolean v = (Boolean) value;
        both(t, l -> l.setDisableFragments(v), a -> a.setDisableFragments(v));
      } else if (name == SCTP_EXPLICIT_COMPLETE) {
        o.explicitComplete = (Boolean) value;
      } else if (name == SCTP_FRAGMENT_INTERLEAVE) {
        o.fragmentInterleave = (Integer) value;
      } else if (name == SCTP_INIT_MAXSTREAMS) {
        InitMaxStreams v = (InitMaxStreams) value;
        o.template.setInitMsg(v.maxOutStreams(), v.maxInStreams(), 0, 0);
      } else if (name == SCTP_NODELAY) {
        boolean v = (Boolean) value;
        both(t, l -> l.setNodelay(v), a -> a.setNodelay(v));
      } else if (name == SCTP_PRIMARY_ADDR) {
        SctpAssociation a = live(t, name);
        InetAddress address = peerAddress(a, (SocketAddress) value, name);
        if (!a.options().isConfirmed(address)) {
          throw new IllegalArgumentException(
              "SCTP_PRIMARY_ADDR: " + address.getHostAddress() + " is unconfirmed");
        }
        a.options().setPrimary(address);
      } else if (name == SCTP_SET_PEER_PRIMARY_ADDR) {
        SctpAssociation a = live(t, name);
        if (!(value instanceof InetSocketAddress local)) {
          throw new IllegalArgumentException(
              "SCTP_SET_PEER_PRIMARY_ADDR needs an InetSocketAddress, got " + value);
        }
        a.options().setPeerPrimaryAddress(local.getAddress());
      } else if (name == SO_LINGER) {
        o.linger = (Integer) value;
      } else if (name == SO_RCVBUF) {
        int v = (Integer) value;
        both(t, l -> l.setReceiveBuffer(v), a -> a.setRcvbuf(v));
      } else if (name == SO_SNDBUF) {
        int v = (Integer) value;
        both(t, l -> l.setSendBuffer(v), a -> a.setSndbuf(v));
      } else if (name == SCTP_RTOINFO) {
        RtoInfo v = (RtoInfo) value;
        both(t, l -> l.setRtoInfo(v.initial(), v.min(), v.max()),
            a -> a.setRtoInfo(v.initial(), v.min(), v.max()));
      } else if (name == SCTP_ASSOCINFO) {
        setAssocInfo((AssocInfo) value, t);
      } else if (name == SCTP_INITMSG) {
        InitMsg v = (InitMsg) value;
        o.template.setInitMsg(v.numOstreams(), v.maxInstreams(), v.maxAttempts(), v.maxInitTimeo());
      } else if (name == SCTP_AUTOCLOSE) {
        int v = (Integer) value;
        both(t, l -> l.setAutocloseSeconds(v), a -> a.setAutocloseSeconds(v));
      } else if (name == SCTP_PEER_ADDR_PARAMS) {
        setPeerAddressParams((PeerAddressParams) value, t);
      } else if (name == SCTP_PEER_ADDR_THLDS) {
        setThresholds((PeerAddressThresholds) value, t);
      } else if (name == SCTP_DEFAULT_SEND_PARAM) {
        o.defaultSend = (DefaultSendParam) value;
      } else if (name == SCTP_EVENTS) {
        o.events = (EventSubscription) value;
      } else if (name == SCTP_MAXSEG) {
        int v = (Integer) value;
        both(t, l -> l.setMaxSegment(v), a -> a.setMaxSegment(v));
      } else if (name == SCTP_STATUS || name == SCTP_GET_PEER_ADDR_INFO) {
        throw new UnsupportedOperationException(name.name() + " is read-only");
      } else if (name == SCTP_DELAYED_SACK) {
        DelayedSack v = (DelayedSack) value;
        both(t, l -> l.setDelayedSack(v.delay(), v.frequency()),
            a -> a.setDelayedSack(v.delay(), v.frequency()));
      } else if (name == SCTP_MAX_BURST) {
        int v = (Integer) value;
        both(t, l -> l.setMaxBurst(v), a -> a.setMaxBurst(v));
      } else if (name == SCTP_PARTIAL_DELIVERY_POINT) {
        int v = (Integer) value;
        both(t, l -> l.setPartialDeliveryPoint(v), a -> a.setPartialDeliveryPoint(v));
      } else if (name == SCTP_EXPOSE_POTENTIALLY_FAILED_STATE) {
        boolean v = (Boolean) value;
        both(t, l -> l.setExposePotentiallyFailed(v), a -> a.setExposePotentiallyFailed(v));
      } else if (name == SCTP_REMOTE_UDP_ENCAPS_PORT) {
        RemoteUdpEncapsPort v = (RemoteUdpEncapsPort) value;
        if (v.address() == null) {
          if (t.template()) {
            o.remoteUdpPort = v.port();
          }
          if (t.live() != null) {
            t.live().options().setPeerUdpPort(null, v.port());
          }
        } else {
          SctpAssociation a = live(t, name);
          a.options().setPeerUdpPort(peerAddress(a, v.address(), name), v.port());
        }
      } else if (name == SCTP_PLPMTUD_PROBE_INTERVAL) {
        PlpmtudProbeInterval v = (PlpmtudProbeInterval) value;
        if (v.address() == null) {
          both(t, l -> l.setPlpmtudProbeInterval(t.now(), null, v.interval()),
              a -> a.setPlpmtudProbeInterval(v.interval()));
        } else {
          SctpAssociation a = live(t, name);
          a.options().setPlpmtudProbeInterval(t.now(), peerAddress(a, v.address(), name),
              v.interval());
        }
      } else if (name == SCTP_LOCAL_UDP_ENCAPS_PORT) {
        if (t.runtime() != null) {
          throw new AlreadyBoundException();
        }
        o.localUdpPort = (Integer) value;
      } else {
        throw new UnsupportedOperationException("unknown option " + name);
      }
    } finally {
      o.lock.unlock();
    }
  }

  /**
   * Applies a setter to the live association, through the core's options facade, and then to the
   * template (when the target says so), so that a value the core refuses changes neither.
   */
  private static void both(Target t, Consumer<LiveOptions> live, Consumer<AssociationOptions> template) {
    if (t.live() != null) {
      live.accept(t.live().options());
    }
    if (t.template()) {
      template.accept(t.opts().template);
    }
  }

  private static void setAssocInfo(AssocInfo v, Target t) {
    ChannelOptions o = t.opts();
    if (v.asocMaxRxt() != 0) {
      if (t.live() != null) {
        t.live().options().setAssociationMaxRetrans(v.asocMaxRxt());
      }
      if (t.template()) {
        o.asocMaxRxt = v.asocMaxRxt();
      }
    }
    if (v.cookieLife() != 0 && v.cookieLife() != o.cookieLifeMs) {
      if (t.runtime() != null) {
        throw new IllegalStateException(
            "SCTP_ASSOCINFO sasoc_cookie_life belongs to the endpoint and can only be "
                + "changed before the channel is bound");
      }
      o.cookieLifeMs = v.cookieLife();
    }
  }

  private static void setPeerAddressParams(PeerAddressParams v, Target t) {
    if (v.heartbeat() == null) {
      throw new IllegalArgumentException(
          "SCTP_PEER_ADDR_PARAMS needs a heartbeat mode (UNCHANGED leaves it)");
    }
    if (v.address() == null) {
      if (v.heartbeat() == PeerAddressParams.HeartbeatMode.DEMAND) {
        throw new IllegalArgumentException(
            "SCTP_PEER_ADDR_PARAMS: a heartbeat on demand needs a peer address");
      }
      if (t.template()) {
        AssociationOptions a = t.opts().template;
        AssociationOptions probe = a.copy();
        applyDefaults(probe, v);
        applyDefaults(a, v);
      }
    } else {
      live(t, SCTP_PEER_ADDR_PARAMS);
    }
    if (t.live() != null) {
      t.live().options().setPeerAddressParams(t.now(), v);
    }
  }

  private static void applyDefaults(AssociationOptions a, PeerAddressParams v) {
    if (v.heartbeatIntervalMillis() < 0) {
      throw new IllegalArgumentException(
          "SCTP_PEER_ADDR_PARAMS spp_hbinterval = "
              + v.heartbeatIntervalMillis()
              + " is out of range 0..86400000 (0 = unchanged)");
    }
    a.setHeartbeatIntervalMs(v.heartbeatIntervalMillis());
    if (v.pathMaxRetrans() < 0) {
      throw new IllegalArgumentException(
          "SCTP_PEER_ADDR_PARAMS spp_pathmaxrxt = "
              + v.pathMaxRetrans()
              + " is out of range 0..65535 (0 = unchanged)");
    }
    a.setPathMaxRetrans(v.pathMaxRetrans());
    if (v.pathMtu() != 0) {
      a.setPathMtu(v.pathMtu());
    }
    if (v.heartbeat() == PeerAddressParams.HeartbeatMode.ENABLED) {
      a.setHeartbeatEnabled(true);
    } else if (v.heartbeat() == PeerAddressParams.HeartbeatMode.DISABLED) {
      a.setHeartbeatEnabled(false);
    }
  }

  private static void setThresholds(PeerAddressThresholds v, Target t) {
    if (v.address() == null) {
      if (v.psRetrans() < 0 || v.psRetrans() > 0xFFFF) {
        throw new IllegalArgumentException(
            "SCTP_PEER_ADDR_THLDS spt_pathcpthld = " + v.psRetrans() + " is out of range 0..65535");
      }
      if (v.psRetrans() != PeerAddressThresholds.SWITCHOVER_OFF && v.psRetrans() < v.pfRetrans()) {
        throw new IllegalArgumentException(
            "SCTP_PEER_ADDR_THLDS spt_pathcpthld ("
                + v.psRetrans()
                + ") must be at least spt_pathpfthld ("
                + v.pfRetrans()
                + ") or 65535 (off), RFC 7829 section 5");
      }
      if (t.template()) {
        AssociationOptions a = t.opts().template;
        a.setThresholds(
            v.pathMaxRetrans() != 0 ? v.pathMaxRetrans() : a.pathMaxRetrans(), v.pfRetrans());
        t.opts().psRetrans = v.psRetrans();
      }
    } else {
      live(t, SCTP_PEER_ADDR_THLDS);
    }
    if (t.live() != null) {
      t.live().options().setThresholds(v);
    }
  }

  // ---- reading -------------------------------------------------------------------------------

  static Object get(SctpSocketOption<?> name, Target t) {
    ChannelOptions o = t.opts();
    SctpAssociation live = t.live();
    o.lock.lock();
    try {
      AssociationSettings a = live != null ? live.options().current() : o.template;
      if (ExtensionOptions.handles(name)) {
        return ExtensionOptions.get(name, t);
      } else if (AuthSocketOptions.handles(name)) {
        return AuthSocketOptions.get(name, t);
      } else if (name == SCTP_DISABLE_FRAGMENTS) {
        return a.disableFragments();
      } else if (name == SCTP_EXPLICIT_COMPLETE) {
        return o.explicitComplete;
      } else if (name == SCTP_FRAGMENT_INTERLEAVE) {
        return o.fragmentInterleave;
      } else if (name == SCTP_INIT_MAXSTREAMS) {
        return new InitMaxStreams(o.template.maxInboundStreams(), o.template.outboundStreams());
      } else if (name == SCTP_NODELAY) {
        return a.nodelay();
      } else if (name == SCTP_PRIMARY_ADDR) {
        InetAddress primary = live(t, name).options().primaryAddress();
        return primary == null ? null : new InetSocketAddress(primary, live.peerPort());
      } else if (name == SCTP_SET_PEER_PRIMARY_ADDR) {
        throw new UnsupportedOperationException(
            "SCTP_SET_PEER_PRIMARY_ADDR is write-only: it asks the peer (RFC 6458 8.3.1)");
      } else if (name == SO_LINGER) {
        return o.linger;
      } else if (name == SO_RCVBUF) {
        return (int) a.rcvbuf();
      } else if (name == SO_SNDBUF) {
        return (int) a.sndbuf();
      } else if (name == SCTP_RTOINFO) {
        return new RtoInfo(a.rtoInitialMs(), a.rtoMaxMs(), a.rtoMinMs());
      } else if (name == SCTP_ASSOCINFO) {
        return assocInfo(t);
      } else if (name == SCTP_INITMSG) {
        return new InitMsg(
            o.template.outboundStreams(),
            o.template.maxInboundStreams(),
            o.template.maxInitAttempts(),
            o.template.maxInitTimeoutMs());
      } else if (name == SCTP_AUTOCLOSE) {
        return (int) a.autocloseSeconds();
      } else if (name == SCTP_PEER_ADDR_PARAMS) {
        if (t.peer() == null) {
          return new PeerAddressParams(
              null,
              a.heartbeatIntervalMs(),
              a.pathMaxRetrans(),
              a.pathMtu(),
              a.heartbeatEnabled()
                  ? PeerAddressParams.HeartbeatMode.ENABLED
                  : PeerAddressParams.HeartbeatMode.DISABLED);
        }
        return live(t, name).options().peerAddressParams(peerAddress(live, t.peer(), name));
      } else if (name == SCTP_PEER_ADDR_THLDS) {
        if (t.peer() == null) {
          return new PeerAddressThresholds(
              null,
              a.pathMaxRetrans(),
              a.pfRetrans(),
              live != null ? live.options().current().psRetrans() : o.psRetrans);
        }
        return live(t, name).options().thresholds(peerAddress(live, t.peer(), name));
      } else if (name == SCTP_DEFAULT_SEND_PARAM) {
        return o.defaultSend;
      } else if (name == SCTP_EVENTS) {
        return o.events;
      } else if (name == SCTP_MAXSEG) {
        return a.maxSegment();
      } else if (name == SCTP_STATUS) {
        return live(t, name).options().status();
      } else if (name == SCTP_GET_PEER_ADDR_INFO) {
        SctpAssociation l = live(t, name);
        InetAddress address =
            t.peer() == null ? l.options().primaryAddress() : peerAddress(l, t.peer(), name);
        return address == null ? null : l.options().peerAddressInfo(address);
      } else if (name == SCTP_DELAYED_SACK) {
        return new DelayedSack(a.sackDelayMs(), a.sackFrequency());
      } else if (name == SCTP_MAX_BURST) {
        return a.maxBurst();
      } else if (name == SCTP_PARTIAL_DELIVERY_POINT) {
        return (int) a.partialDeliveryPoint();
      } else if (name == SCTP_EXPOSE_POTENTIALLY_FAILED_STATE) {
        return a.exposePotentiallyFailed();
      } else if (name == SCTP_REMOTE_UDP_ENCAPS_PORT) {
        if (t.peer() == null) {
          return new RemoteUdpEncapsPort(null, o.remoteUdpPort);
        }
        SctpAssociation l = live(t, name);
        return new RemoteUdpEncapsPort(t.peer(), l.options().peerUdpPort(peerAddress(l, t.peer(), name)));
      } else if (name == SCTP_PLPMTUD_PROBE_INTERVAL) {
        if (t.peer() == null) {
          return new PlpmtudProbeInterval(null, a.plpmtudProbeIntervalMs());
        }
        SctpAssociation l = live(t, name);
        return new PlpmtudProbeInterval(t.peer(),
            l.options().plpmtudProbeInterval(peerAddress(l, t.peer(), name)));
      } else if (name == SCTP_LOCAL_UDP_ENCAPS_PORT) {
        return t.runtime() != null
            ? t.runtime().udpPort()
            : o.localUdpPort == ChannelOptions.DEFAULT_PORT ? 0 : o.localUdpPort;
      }
      throw new UnsupportedOperationException("unknown option " + name);
    } finally {
      o.lock.unlock();
    }
  }

  private static AssocInfo assocInfo(Target t) {
    ChannelOptions o = t.opts();
    SctpAssociation live = t.live();
    if (live == null) {
      return new AssocInfo(o.asocMaxRxt, 0, 0, o.template.rcvbuf(), o.cookieLifeMs);
    }
    AssociationStatus status = live.options().status();
    return new AssocInfo(status.maxRetrans(), live.peerAddresses().size(),
        Math.min(status.peerRwnd(), 0xFFFF_FFFFL), status.localRwnd(), o.cookieLifeMs);
  }

  static SctpAssociation live(Target t, SctpSocketOption<?> name) {
    if (t.live() == null) {
      NotYetConnectedException e = new NotYetConnectedException();
      e.initCause(new IllegalStateException(name.name() + " needs an association"));
      throw e;
    }
    return t.live();
  }

  private static InetAddress peerAddress(SctpAssociation a, SocketAddress address, SctpSocketOption<?> name) {
    if (!(address instanceof InetSocketAddress isa) || isa.getAddress() == null) {
      throw new IllegalArgumentException(name.name() + ": not a resolved peer address: " + address);
    }
    if (!a.peerAddresses().contains(isa.getAddress())) {
      throw new IllegalArgumentException(
          name.name()
              + ": "
              + isa.getAddress().getHostAddress()
              + " is not a peer address of association "
              + a.id());
    }
    return isa.getAddress();
  }
}
