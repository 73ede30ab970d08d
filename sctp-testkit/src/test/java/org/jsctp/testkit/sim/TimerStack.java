package org.jsctp.testkit.sim;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.jsctp.endpoint.Transmit;

/**
 * A toy stack that only has a deadline: the test sets it, and after each timeout {@code
 * afterTimeout} computes the next one from the current time. Records every timeout call.
 */
final class TimerStack implements SimulatedStack {

  private final InetAddress address;
  private long deadline = Long.MAX_VALUE;
  private LongUnaryOperator afterTimeout = now -> Long.MAX_VALUE;
  private LongUnaryOperator afterDatagram = now -> Long.MAX_VALUE;
  final List<Long> timeouts = new ArrayList<>();

  TimerStack(InetAddress address) {
    this.address = address;
  }

  TimerStack deadline(long time) {
    deadline = time;
    return this;
  }

  TimerStack afterTimeout(LongUnaryOperator next) {
    afterTimeout = next;
    return this;
  }

  TimerStack afterDatagram(LongUnaryOperator next) {
    afterDatagram = next;
    return this;
  }

  @Override
  public void handleDatagram(long now, InetAddress local, InetAddress remote, int remotePort, byte[] packet) {
    deadline = afterDatagram.applyAsLong(now);
  }

  @Override
  public void handleTimeout(long now) {
    timeouts.add(now);
    if (now >= deadline) {
      deadline = afterTimeout.applyAsLong(now);
    }
  }

  @Override
  public Transmit pollTransmit() {
    return null;
  }

  @Override
  public long nextDeadline() {
    return deadline;
  }

  @Override
  public List<InetAddress> localAddresses() {
    return List.of(address);
  }

  @Override
  public int localUdpPort() {
    return ToyPackets.PORT;
  }

  @Override
  public boolean isIdle() {
    return true;
  }
}
