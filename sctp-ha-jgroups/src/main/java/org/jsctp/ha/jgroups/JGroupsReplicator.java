package org.jsctp.ha.jgroups;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.FRAG2;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.Protocol;
import org.jsctp.netty.ha.StateReplicator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StateReplicator} on JGroups (docs/ha.md): the active and the standby are the two
 * members of one group over TCP (no multicast). The first member of the view (its coordinator) is
 * the active; records go to the other member over UNICAST3 (ordered, reliable), its
 * acknowledgements come back the same way. Failure detection and membership are JGroups': when a
 * view comes without the active (FD_SOCK2 saw its sockets close, or FD_ALL3 its heartbeats stop,
 * VERIFY_SUSPECT2 confirmed, GMS installed the view), the standby is the coordinator and takes
 * over. There is no election and no failure detector here.
 *
 * <p>Built for two members; with more, the active replicates to the first other member only.
 * A network partition that heals (MERGE3) can leave two actives: keep the virtual address where
 * one host owns it (VRRP does), or fence the other.
 */
public final class JGroupsReplicator implements StateReplicator {

  private static final Logger LOG = LoggerFactory.getLogger(JGroupsReplicator.class);

  static final byte RECORD = 1;
  static final byte ENDPOINT = 2;
  static final byte ACK = 3;
  static final byte SNAPSHOT_REQUEST = 4;

  private final JChannel channel;
  private final ReentrantLock viewLock = new ReentrantLock();
  private final AtomicLong dropped = new AtomicLong();
  private volatile Role role;
  private volatile Address active;
  private volatile Address standby;
  private volatile Listener listener;
  private volatile boolean closed;

  private JGroupsReplicator(JChannel channel) {
    this.channel = channel;
  }

  /** A builder for a member of a two-member group. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The protocol stack of a member (docs/ha.md), bottom first: TCP, TCPPING, MERGE3, FD_SOCK2,
   * FD_ALL3, VERIFY_SUSPECT2, pbcast.NAKACK2, UNICAST3, pbcast.STABLE, pbcast.GMS, FRAG2.
   */
  static List<Protocol> protocols(Builder b) {
    List<Protocol> stack = new ArrayList<>();
    stack.add(new TCP().setBindAddress(b.bindAddress).setBindPort(b.bindPort).setPortRange(0));
    stack.add(new TCPPING().setInitialHosts(b.members).setPortRange(0));
    stack.add(new MERGE3().setMinInterval(2_000).setMaxInterval(5_000));
    stack.add(new FD_SOCK2().setBindAddress(b.bindAddress));
    stack.add(
        new FD_ALL3()
            .setTimeout(b.failureTimeout.toMillis())
            .setInterval(Math.max(100, b.failureTimeout.toMillis() / 4)));
    stack.add(new VERIFY_SUSPECT2().setTimeout(b.verifyTimeout.toMillis()));
    stack.add(new NAKACK2().setXmitInterval(200));
    stack.add(new UNICAST3().setXmitInterval(200));
    stack.add(new STABLE().setDesiredAverageGossip(5_000).setMaxBytes(4 << 20));
    stack.add(new GMS().setJoinTimeout(b.joinTimeout.toMillis()).setLeaveTimeout(1_000));
    stack.add(new FRAG2());
    return stack;
  }

  // ---- StateReplicator ---------------------------------------------------------------------------

  @Override
  public Role role() {
    return role;
  }

  /** The JGroups channel, for its statistics and JMX. */
  public JChannel channel() {
    return channel;
  }

  /** Messages that could not be sent or were not understood. */
  public long dropped() {
    return dropped.get();
  }

  @Override
  public void start(Listener listener) {
    viewLock.lock();
    try {
      this.listener = Objects.requireNonNull(listener, "listener");
      if (role == Role.ACTIVE && standby != null) {
        listener.standbyJoined();
      }
    } finally {
      viewLock.unlock();
    }
  }

  @Override
  public void sendRecord(int associationId, long sequence, byte[] blob) {
    send(standby, frame(RECORD, blob));
  }

  @Override
  public void sendEndpoint(byte[] blob) {
    send(standby, frame(ENDPOINT, blob));
  }

  @Override
  public void acknowledge(int associationId, long upTo) {
    send(active, ByteBuffer.allocate(13).put(ACK).putInt(associationId).putLong(upTo).array());
  }

  @Override
  public void requestSnapshot(int associationId) {
    send(active, ByteBuffer.allocate(5).put(SNAPSHOT_REQUEST).putInt(associationId).array());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    channel.close();
  }

  private static byte[] frame(byte type, byte[] blob) {
    byte[] f = new byte[blob.length + 1];
    f[0] = type;
    System.arraycopy(blob, 0, f, 1, blob.length);
    return f;
  }

  private void send(Address to, byte[] frame) {
    if (to == null || closed || to.equals(channel.getAddress())) {
      dropped.incrementAndGet();
      return;
    }
    try {
      channel.send(new BytesMessage(to, frame).setFlag(Message.Flag.DONT_BUNDLE));
    } catch (Exception e) {
      dropped.incrementAndGet();
      LOG.debug("replication message to {} not sent: {}", to, e.toString());
    }
  }

  // ---- JGroups -----------------------------------------------------------------------------------

  private final class GroupReceiver implements Receiver {

    @Override
    public void viewAccepted(View view) {
      viewLock.lock();
      try {
        onView(view);
      } finally {
        viewLock.unlock();
      }
    }

    @Override
    public void receive(Message msg) {
      Listener l = listener;
      if (l == null || msg.getLength() == 0) {
        return;
      }
      ByteBuffer b = ByteBuffer.wrap(msg.getArray(), msg.getOffset(), msg.getLength());
      byte type = b.get();
      try {
        if (type == RECORD && role == Role.STANDBY) {
          l.record(rest(b));
        } else if (type == ENDPOINT && role == Role.STANDBY) {
          l.endpoint(rest(b));
        } else if (type == ACK && role == Role.ACTIVE) {
          l.stored(b.getInt(), b.getLong());
        } else if (type == SNAPSHOT_REQUEST && role == Role.ACTIVE) {
          l.snapshotRequested(b.getInt());
        } else {
          dropped.incrementAndGet();
        }
      } catch (java.nio.BufferUnderflowException e) {
        dropped.incrementAndGet();
      }
    }

    private byte[] rest(ByteBuffer b) {
      byte[] out = new byte[b.remaining()];
      b.get(out);
      return out;
    }
  }

  /** Roles from the view: the coordinator is the active; the first other member its standby. */
  private void onView(View view) {
    Address self = channel.getAddress();
    Address other = null;
    for (Address m : view.getMembers()) {
      if (!m.equals(self)) {
        other = m;
        break;
      }
    }
    Listener l = listener;
    if (role == null) {
      role = view.getCoord().equals(self) ? Role.ACTIVE : Role.STANDBY;
      active = view.getCoord();
      standby = role == Role.ACTIVE ? other : null;
      LOG.info("{}: {} in view {}", self, role, view);
      return;
    }
    if (role == Role.STANDBY) {
      if (view.containsMember(active)) {
        return;
      }
      if (!view.getCoord().equals(self)) {
        active = view.getCoord();
        return;
      }
      LOG.info("{}: the active {} left the view {}: taking over", self, active, view);
      role = Role.ACTIVE;
      active = self;
      standby = other;
      if (l != null) {
        l.activeGone();
        if (other != null) {
          l.standbyJoined();
        }
      }
      return;
    }
    if (other != null && !other.equals(standby)) {
      LOG.info("{}: standby {} joined", self, other);
      standby = other;
      if (l != null) {
        l.standbyJoined();
      }
    } else if (other == null && standby != null) {
      LOG.info("{}: standby {} left", self, standby);
      standby = null;
      if (l != null) {
        l.standbyLeft();
      }
    }
  }

  /** Builds and connects one member. */
  public static final class Builder {
    private String cluster = "jsctp-ha";
    private String name;
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private int bindPort = 7800;
    private final List<InetSocketAddress> members = new ArrayList<>();
    private Duration failureTimeout = Duration.ofSeconds(3);
    private Duration verifyTimeout = Duration.ofMillis(500);
    private Duration joinTimeout = Duration.ofSeconds(2);

    private Builder() {}

    /** The group's name (default "jsctp-ha"); the active and its standby share it. */
    public Builder cluster(String cluster) {
      this.cluster = Objects.requireNonNull(cluster, "cluster");
      return this;
    }

    /** This member's logical name in JGroups' logs (default: JGroups picks one). */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** The address and TCP port this member listens on (default 127.0.0.1:7800). */
    public Builder bind(InetAddress address, int port) {
      this.bindAddress = Objects.requireNonNull(address, "address");
      if (port < 1 || port > 0xFFFF) {
        throw new IllegalArgumentException("bind port out of range 1..65535: " + port);
      }
      this.bindPort = port;
      return this;
    }

    /** The TCP addresses of both members (TCPPING's initial hosts), this one included. */
    public Builder members(List<InetSocketAddress> members) {
      this.members.clear();
      this.members.addAll(members);
      return this;
    }

    /**
     * How long a member may stay silent before FD_ALL3 suspects it (default 3 s). A crashed
     * process is usually noticed sooner: its sockets close, and FD_SOCK2 sees it at once.
     */
    public Builder failureTimeout(Duration timeout) {
      this.failureTimeout = positive(timeout, "failureTimeout");
      return this;
    }

    /** How long VERIFY_SUSPECT2 checks a suspected member before it is excluded (default 500 ms). */
    public Builder verifyTimeout(Duration timeout) {
      this.verifyTimeout = positive(timeout, "verifyTimeout");
      return this;
    }

    /** How long a member looks for the group before it founds one itself (default 2 s). */
    public Builder joinTimeout(Duration timeout) {
      this.joinTimeout = positive(timeout, "joinTimeout");
      return this;
    }

    private static Duration positive(Duration d, String what) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive: " + d);
      }
      return d;
    }

    /**
     * Joins the group (or founds it when no other member answers within the join timeout): the
     * first member is the active, the next its standby. Blocks for the join.
     *
     * @throws Exception when JGroups cannot start (the bind address or port is unavailable)
     */
    public JGroupsReplicator connect() throws Exception {
      if (members.isEmpty()) {
        members.add(new InetSocketAddress(bindAddress, bindPort));
      }
      JChannel ch = new JChannel(protocols(this));
      if (name != null) {
        ch.name(name);
      }
      JGroupsReplicator r = new JGroupsReplicator(ch);
      ch.setReceiver(r.new GroupReceiver());
      try {
        ch.connect(cluster);
      } catch (Exception e) {
        ch.close();
        throw e;
      }
      return r;
    }
  }
}
