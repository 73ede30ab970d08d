package org.jsctp.testkit.sim;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsctp.endpoint.Transmit;

/**
 * The links between addresses and the bindings of hosts to (address, port): takes datagrams from
 * senders, lets their links decide their fate, and hands arrivals to the bound host.
 */
final class Network {

  private record LinkKey(InetAddress source, InetAddress destination) {}

  private record Binding(InetAddress address, int port) {}

  private final long seed;
  private final VirtualClock clock;
  private final EventQueue events;
  private final Trace trace;
  private final Map<LinkKey, SimLink> links = new LinkedHashMap<>();
  private final Map<Binding, SimHost> bindings = new HashMap<>();
  private LinkProfile defaultProfile = LinkProfile.DEFAULT;
  private long nextDatagramId;

  Network(long seed, VirtualClock clock, EventQueue events, Trace trace) {
    this.seed = seed;
    this.clock = clock;
    this.events = events;
    this.trace = trace;
  }

  LinkProfile defaultProfile() {
    return defaultProfile;
  }

  void defaultProfile(LinkProfile profile) {
    defaultProfile = profile;
  }

  SimLink link(InetAddress source, InetAddress destination) {
    return links.computeIfAbsent(new LinkKey(source, destination),
        k -> new SimLink(source, destination, defaultProfile,
            SeedStreams.forLink(seed, source, destination)));
  }

  List<SimLink> links() {
    return List.copyOf(links.values());
  }

  LinkCounters totals() {
    LinkCounters totals = new LinkCounters();
    for (SimLink link : links.values()) {
      totals.add(link.counters());
    }
    return totals;
  }

  void bind(SimHost host) {
    List<Binding> wanted = new ArrayList<>();
    for (InetAddress address : host.addresses()) {
      Binding binding = new Binding(address, host.udpPort());
      SimHost holder = bindings.get(binding);
      if (holder != null) {
        throw new IllegalArgumentException(host.name() + " wants " + address.getHostAddress() + ":"
            + host.udpPort() + " which " + holder.name() + " already holds");
      }
      wanted.add(binding);
    }
    for (Binding binding : wanted) {
      bindings.put(binding, host);
    }
  }

  /** Binds one more address of {@code host} (an interface came up). */
  void bind(SimHost host, InetAddress address) {
    Binding binding = new Binding(address, host.udpPort());
    SimHost holder = bindings.get(binding);
    if (holder != null) {
      throw new IllegalArgumentException(host.name() + " wants " + address.getHostAddress() + ":"
          + host.udpPort() + " which " + holder.name() + " already holds");
    }
    bindings.put(binding, host);
    host.addAddress(address);
  }

  /** Unbinds one address of {@code host} (its interface went away): datagrams to it are lost. */
  void unbind(SimHost host, InetAddress address) {
    bindings.remove(new Binding(address, host.udpPort()), host);
    host.removeAddress(address);
  }

  void unbind(SimHost host) {
    bindings.values().removeIf(h -> h == host);
  }

  void send(SimHost from, Transmit transmit) {
    if (!from.owns(transmit.localAddress())) {
      throw new IllegalStateException(from.name() + " asked to send from "
          + transmit.localAddress().getHostAddress() + ", not one of its addresses "
          + from.addresses());
    }
    enter(new SimDatagram(nextDatagramId++, clock.now(), from.sourceFor(transmit.localAddress()),
        from.udpPort(), transmit.remoteAddress(), transmit.remoteUdpPort(), transmit.packet(),
        transmit.allowFragmentation()));
  }

  void inject(InetAddress source, int sourcePort, InetAddress destination, int destinationPort, byte[] packet) {
    enter(new SimDatagram(nextDatagramId++, clock.now(), source, sourcePort, destination,
        destinationPort, packet.clone()));
  }

  private void enter(SimDatagram datagram) {
    trace.recordSent(datagram);
    SimLink link = link(datagram.source(), datagram.destination());
    SimLink.Passage passage = link.carry(datagram, clock.now());
    if (passage.drop() != null) {
      conclude(link, datagram, 0, passage.drop());
      return;
    }
    events.schedule(passage.firstArrival(), new DeliveryEvent(this, link, datagram, 0));
    if (passage.secondArrival() != SimLink.Passage.NONE) {
      events.schedule(passage.secondArrival(), new DeliveryEvent(this, link, datagram, 1));
    }
  }

  void arrive(SimLink link, SimDatagram datagram, int copy) {
    SimHost host = bindings.get(new Binding(datagram.destination(), datagram.destinationPort()));
    if (host == null) {
      conclude(link, datagram, copy, Fate.UNREACHABLE);
      return;
    }
    conclude(link, datagram, copy, Fate.DELIVERED);
    host.receive(datagram);
  }

  private void conclude(SimLink link, SimDatagram datagram, int copy, Fate fate) {
    link.counters().countFate(fate);
    trace.recordFate(new DatagramRecord(datagram, copy, clock.now(), fate));
  }
}
