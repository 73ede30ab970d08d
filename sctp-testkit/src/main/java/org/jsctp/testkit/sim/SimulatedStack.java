package org.jsctp.testkit.sim;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.endpoint.Transmit;

/**
 * What the {@link Simulator} needs from a sans-IO stack: the calls of the core's driving
 * contract (design.md section 1) plus where the stack lives and whether it has work left.
 *
 * <p>The simulator calls {@link #handleDatagram} and {@link #handleTimeout} with virtual time,
 * then drains {@link #pollTransmit()} until it answers {@code null} and re-reads {@link
 * #nextDeadline()}. Implementations are adapters over {@code org.jsctp.endpoint.Endpoint} or toy
 * stacks in the simulator's own tests.
 */
public interface SimulatedStack {

  /**
   * An SCTP packet arrived in a UDP datagram on the stack's channel bound to {@code
   * localAddress}. Ownership of {@code packet} passes to the stack.
   */
  void handleDatagram(
      long nowNanos, InetAddress localAddress, InetAddress remoteAddress, int remoteUdpPort, byte[] packet);

  /** Time has reached the deadline last answered by {@link #nextDeadline()}; spurious calls are harmless. */
  void handleTimeout(long nowNanos);

  /** The next packet to send, or {@code null} when there is none. */
  Transmit pollTransmit();

  /** When {@link #handleTimeout} should next be called, or {@link Long#MAX_VALUE} for never. */
  long nextDeadline();

  /** The local IP addresses, one UDP channel each, all on {@link #localUdpPort()}. */
  List<InetAddress> localAddresses();

  /** The local UDP encapsulation port. */
  int localUdpPort();

  /** Whether nothing is queued to send and nothing sent is still unacknowledged. */
  boolean isIdle();
}
