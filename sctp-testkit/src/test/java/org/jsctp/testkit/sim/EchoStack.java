package org.jsctp.testkit.sim;

import org.jsctp.wire.ChunkType;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.endpoint.Transmit;

/**
 * A toy stack: sends what the test tells it to, records everything it receives, and answers
 * each packet holding a HEARTBEAT with a HEARTBEAT ACK carrying the same tag, from the address
 * it arrived on.
 */
final class EchoStack implements SimulatedStack {

  record Received(long at, InetAddress local, InetAddress remote, int remotePort, byte[] packet) {
    int tag() {
      return ToyPackets.tag(packet);
    }
  }

  private final List<InetAddress> addresses;
  private final int port;
  private final ArrayDeque<Transmit> outbox = new ArrayDeque<>();
  final List<Received> received = new ArrayList<>();

  EchoStack(int port, InetAddress... addresses) {
    this.port = port;
    this.addresses = List.of(addresses);
  }

  EchoStack(InetAddress... addresses) {
    this(ToyPackets.PORT, addresses);
  }

  /** Queues {@code packet} from {@code from} to {@code to} on the toy port. */
  void send(InetAddress from, InetAddress to, byte[] packet) {
    send(from, to, ToyPackets.PORT, packet);
  }

  /** Queues {@code packet} from {@code from} to {@code to}, allowed to be IP-fragmented. */
  void sendFragmentable(InetAddress from, InetAddress to, byte[] packet) {
    sendFragmentable(from, to, ToyPackets.PORT, packet);
  }

  /** Queues {@code packet} from {@code from} to {@code to} on {@code port}, allowed to fragment. */
  void sendFragmentable(InetAddress from, InetAddress to, int port, byte[] packet) {
    outbox.add(new Transmit(from, to, port, packet, true));
  }

  /** Queues {@code packet} from {@code from} to {@code to} on {@code port}. */
  void send(InetAddress from, InetAddress to, int port, byte[] packet) {
    outbox.add(new Transmit(from, to, port, packet));
  }

  List<Integer> receivedTags() {
    return received.stream().map(Received::tag).toList();
  }

  @Override
  public void handleDatagram(long now, InetAddress local, InetAddress remote, int remotePort, byte[] packet) {
    received.add(new Received(now, local, remote, remotePort, packet));
    if (ChunkTypes.contains(packet, ChunkType.HEARTBEAT)) {
      outbox.add(new Transmit(local, remote, remotePort,
          ToyPackets.packet(ToyPackets.tag(packet), ChunkType.HEARTBEAT_ACK)));
    }
  }

  @Override
  public void handleTimeout(long now) {}

  @Override
  public Transmit pollTransmit() {
    return outbox.poll();
  }

  @Override
  public long nextDeadline() {
    return Long.MAX_VALUE;
  }

  @Override
  public List<InetAddress> localAddresses() {
    return addresses;
  }

  @Override
  public int localUdpPort() {
    return port;
  }

  @Override
  public boolean isIdle() {
    return outbox.isEmpty();
  }
}
