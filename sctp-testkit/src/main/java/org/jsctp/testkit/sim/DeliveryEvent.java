package org.jsctp.testkit.sim;

/** One copy of a datagram reaching the far end of its link. */
final class DeliveryEvent implements SimEvent {

  private final Network network;
  private final SimLink link;
  private final SimDatagram datagram;
  private final int copy;

  DeliveryEvent(Network network, SimLink link, SimDatagram datagram, int copy) {
    this.network = network;
    this.link = link;
    this.datagram = datagram;
    this.copy = copy;
  }

  @Override
  public Kind kind() {
    return Kind.DELIVERY;
  }

  @Override
  public void fire() {
    network.arrive(link, datagram, copy);
  }

  @Override
  public String describe() {
    return "arrival of copy " + copy + " of " + datagram;
  }
}
