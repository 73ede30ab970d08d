package org.jsctp.testkit.sim;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.endpoint.Transmit;

/** A toy stack on one address that does nothing and is always idle; tests override what they need. */
class QuietStack implements SimulatedStack {

  private final InetAddress address;

  QuietStack(InetAddress address) {
    this.address = address;
  }

  @Override
  public void handleDatagram(long now, InetAddress local, InetAddress remote, int remotePort, byte[] packet) {}

  @Override
  public void handleTimeout(long now) {}

  @Override
  public Transmit pollTransmit() {
    return null;
  }

  @Override
  public long nextDeadline() {
    return Long.MAX_VALUE;
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
