package org.jsctp.benchmarks;

import java.net.InetAddress;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.jsctp.api.SctpEvent;
import org.jsctp.config.StackConfig;
import org.jsctp.endpoint.Endpoint;
import org.jsctp.endpoint.Transmit;
import org.jsctp.testkit.sim.SimulatedStack;

/**
 * An {@link Endpoint} in the simulator that hands every event to a listener as it happens and
 * keeps nothing itself, so that a long run at full rate holds no received data.
 */
final class EventHost implements SimulatedStack {

  static final int SCTP_PORT = 5000;
  static final int UDP_PORT = 9899;

  private final Endpoint endpoint;
  private Consumer<SctpEvent> listener = e -> {};
  private long now;

  EventHost(StackConfig config, RandomGenerator random, InetAddress address) {
    this.endpoint = new Endpoint(config, SCTP_PORT, List.of(address), random);
  }

  Endpoint endpoint() {
    return endpoint;
  }

  /** Receives every event, in virtual time; it may send from there. */
  void onEvent(Consumer<SctpEvent> listener) {
    this.listener = listener;
  }

  /** The virtual time of the latest input. */
  long now() {
    return now;
  }

  @Override
  public void handleDatagram(long nowNanos, InetAddress local, InetAddress remote, int remoteUdpPort, byte[] packet) {
    now = nowNanos;
    endpoint.handleDatagram(nowNanos, local, remote, remoteUdpPort, packet);
    drain();
  }

  @Override
  public void handleTimeout(long nowNanos) {
    now = nowNanos;
    endpoint.handleTimeout(nowNanos);
    drain();
  }

  @Override
  public Transmit pollTransmit() {
    Transmit t = endpoint.pollTransmit();
    drain();
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
    return UDP_PORT;
  }

  @Override
  public boolean isIdle() {
    return endpoint.isIdle();
  }

  private void drain() {
    SctpEvent e;
    while ((e = endpoint.pollEvent()) != null) {
      listener.accept(e);
    }
  }
}
