package org.jsctp.testkit;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.SctpEvent;
import org.jsctp.association.SctpAssociation;
import org.jsctp.association.AssociationOptions;
import org.jsctp.config.StackConfig;
import org.jsctp.endpoint.Endpoint;
import org.jsctp.endpoint.Transmit;
import org.jsctp.ha.ReplicationRecord;
import org.jsctp.testkit.sim.SimulatedStack;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.SendOutcome;
import org.jsctp.wire.Bytes;

/**
 * An {@link Endpoint} attached to the simulator, with the bookkeeping tests need: every event in
 * order, the messages received per association (read at once, so the window reopens unless the
 * test holds them back), and shortcuts for connect and send.
 */
public final class SimEndpoint implements SimulatedStack {

  public static final int SCTP_PORT = 5000;

  private final Endpoint endpoint;
  private final int udpPort;
  private final List<SctpEvent> events = new ArrayList<>();
  private final Map<Integer, List<MessageReceived>> received = new HashMap<>();
  private final Map<Integer, List<Long>> receivedAt = new HashMap<>();
  private boolean autoRead = true;
  private Consumer<SctpEvent> listener = e -> {};
  private Consumer<ReplicationRecord> replication = r -> {};
  private long lastNow;

  public SimEndpoint(StackConfig config, RandomGenerator random, int udpPort, InetAddress... addresses) {
    this.endpoint = new Endpoint(config, SCTP_PORT, List.of(addresses), random);
    this.udpPort = udpPort;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  /**
   * Hands every event to {@code listener} as it happens, in virtual time: the place for the
   * application logic under test (it may send from there).
   */
  public void onEvent(Consumer<SctpEvent> listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Hands every HA replication record (docs/ha.md) to {@code sink} as the endpoint makes it, in
   * virtual time; a {@link StandbyLink} takes them to a standby.
   */
  public void onReplication(Consumer<ReplicationRecord> sink) {
    this.replication = Objects.requireNonNull(sink, "sink");
  }

  /** Whether received messages are reported as read at once (the default) or held unread. */
  public void autoRead(boolean on) {
    this.autoRead = on;
  }

  public SctpAssociation connect(long now, int peerUdpPort, InetAddress... peers) {
    return endpoint.connect(now, List.of(peers), SCTP_PORT, peerUdpPort, null);
  }

  public SctpAssociation connect(long now, int peerUdpPort, AssociationOptions options, InetAddress... peers) {
    return endpoint.connect(now, List.of(peers), SCTP_PORT, peerUdpPort, options);
  }

  public SendOutcome send(long now, SctpAssociation a, int stream, byte[] data, boolean unordered) {
    return send(now, a, new OutgoingMessage(stream, 0, unordered, false, Bytes.wrap(data), 0, Long.MAX_VALUE));
  }

  /** Sends a message built by the caller (with a PR-SCTP policy or a context, for example). */
  public SendOutcome send(long now, SctpAssociation a, OutgoingMessage m) {
    SendOutcome outcome = a.send(now, m);
    drainEvents();
    return outcome;
  }

  public List<SctpEvent> events() {
    drainEvents();
    return events;
  }

  public <T extends SctpEvent> List<T> events(Class<T> type) {
    drainEvents();
    List<T> list = new ArrayList<>();
    for (SctpEvent e : events) {
      if (type.isInstance(e)) {
        list.add(type.cast(e));
      }
    }
    return list;
  }

  public List<MessageReceived> received(int associationId) {
    drainEvents();
    return received.getOrDefault(associationId, List.of());
  }

  /** The virtual time each received message was delivered, in the order of {@link #received}. */
  public List<Long> receivedAt(int associationId) {
    drainEvents();
    return receivedAt.getOrDefault(associationId, List.of());
  }

  public boolean hasEvent(AssociationChange.Kind kind) {
    for (AssociationChange c : events(AssociationChange.class)) {
      if (c.kind() == kind) {
        return true;
      }
    }
    return false;
  }

  /** The first association that came up, or null. */
  public SctpAssociation firstAssociation() {
    for (AssociationChange c : events(AssociationChange.class)) {
      if (c.kind() == AssociationChange.Kind.COMM_UP) {
        return endpoint.association(c.associationId());
      }
    }
    return null;
  }

  private void drainEvents() {
    ReplicationRecord r;
    while ((r = endpoint.pollReplication()) != null) {
      replication.accept(r);
    }
    SctpEvent e;
    while ((e = endpoint.pollEvent()) != null) {
      events.add(e);
      if (e instanceof MessageReceived m) {
        received.computeIfAbsent(m.associationId(), k -> new ArrayList<>()).add(m);
        receivedAt.computeIfAbsent(m.associationId(), k -> new ArrayList<>()).add(lastNow);
        if (autoRead) {
          SctpAssociation a = endpoint.association(m.associationId());
          if (a != null) {
            a.consumed(lastNow, m.data().length());
          }
        }
      }
      listener.accept(e);
    }
  }

  /** Reports held messages as read now. */
  public void readAll(long now, int associationId, long bytes) {
    SctpAssociation a = endpoint.association(associationId);
    if (a != null) {
      a.consumed(now, bytes);
    }
  }

  @Override
  public void handleDatagram(long now, InetAddress local, InetAddress remote, int remoteUdpPort, byte[] packet) {
    lastNow = now;
    endpoint.handleDatagram(now, local, remote, remoteUdpPort, packet);
    drainEvents();
  }

  @Override
  public void handleTimeout(long now) {
    lastNow = now;
    endpoint.handleTimeout(now);
    drainEvents();
  }

  @Override
  public Transmit pollTransmit() {
    Transmit t = endpoint.pollTransmit();
    drainEvents();
    return t;
  }

  @Override
  public long nextDeadline() {
    return endpoint.nextDeadline();
  }

  @Override
  public List<InetAddress> localAddresses() {
    return endpoint.localAddresses();
  }

  @Override
  public int localUdpPort() {
    return udpPort;
  }

  @Override
  public boolean isIdle() {
    return endpoint.isIdle();
  }
}
