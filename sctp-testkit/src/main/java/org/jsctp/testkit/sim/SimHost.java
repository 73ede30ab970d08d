package org.jsctp.testkit.sim;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jsctp.endpoint.Transmit;

/**
 * A {@link SimulatedStack} attached to the {@link Simulator}: its addresses, its UDP port, the
 * kernel's choice of source address, and the single deadline event the simulator keeps armed
 * for it.
 *
 * <p>After every input to the stack the simulator drains all its transmits, then re-reads its
 * deadline; only the latest deadline counts, earlier deadline events become stale and are
 * ignored when their time comes.
 */
public final class SimHost {

  private final String name;
  private final SimulatedStack stack;
  private final List<InetAddress> addresses;
  private final int udpPort;
  private final Network network;
  private final EventQueue events;
  private final VirtualClock clock;
  private final Map<InetAddress, InetAddress> sourceRewrites = new HashMap<>();
  private InetAddress sourceForAll;
  private long deadlineGeneration;
  private long armedDeadline = Long.MAX_VALUE;
  private boolean attached = true;

  SimHost(String name, SimulatedStack stack, Network network, EventQueue events, VirtualClock clock) {
    this.name = Objects.requireNonNull(name, "name");
    this.stack = Objects.requireNonNull(stack, "stack");
    this.addresses = new ArrayList<>(stack.localAddresses());
    this.udpPort = stack.localUdpPort();
    this.network = network;
    this.events = events;
    this.clock = clock;
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("stack " + name + " has no local address");
    }
    if (udpPort <= 0 || udpPort > 0xFFFF) {
      throw new IllegalArgumentException("stack " + name + " has UDP port out of range 1..65535: " + udpPort);
    }
  }

  /** The name given at attach time, used in traces and failure reports. */
  public String name() {
    return name;
  }

  /** The attached stack. */
  public SimulatedStack stack() {
    return stack;
  }

  /**
   * The local addresses: those read when the stack was attached, changed by {@link
   * Simulator#bindAddress} and {@link Simulator#unbindAddress}.
   */
  public List<InetAddress> addresses() {
    return Collections.unmodifiableList(addresses);
  }

  void addAddress(InetAddress address) {
    addresses.add(address);
  }

  void removeAddress(InetAddress address) {
    addresses.remove(address);
  }

  /** The local UDP port. */
  public int udpPort() {
    return udpPort;
  }

  /** Whether the host still receives datagrams and deadlines. */
  public boolean isAttached() {
    return attached;
  }

  /**
   * Makes the kernel send every datagram of this host from {@code chosen}, whatever local address
   * the stack asked for (as usrsctp on an unbound socket does); {@code null} switches it off.
   */
  public SimHost kernelSourceAddress(InetAddress chosen) {
    this.sourceForAll = chosen;
    return this;
  }

  /** Makes the kernel send datagrams the stack asks to send from {@code requested} from {@code chosen}. */
  public SimHost kernelSourceAddress(InetAddress requested, InetAddress chosen) {
    sourceRewrites.put(Objects.requireNonNull(requested, "requested"), Objects.requireNonNull(chosen, "chosen"));
    return this;
  }

  /** Sends from the addresses the stack asks for again. */
  public SimHost clearKernelSourceAddresses() {
    sourceRewrites.clear();
    sourceForAll = null;
    return this;
  }

  /** The virtual time of the armed deadline event, or {@link Long#MAX_VALUE} when none is armed. */
  public long armedDeadline() {
    return armedDeadline;
  }

  @Override
  public String toString() {
    return name;
  }

  boolean owns(InetAddress address) {
    return addresses.contains(address);
  }

  InetAddress sourceFor(InetAddress requested) {
    InetAddress specific = sourceRewrites.get(requested);
    if (specific != null) {
      return specific;
    }
    return sourceForAll != null ? sourceForAll : requested;
  }

  void receive(SimDatagram datagram) {
    stack.handleDatagram(clock.now(), datagram.destination(), datagram.source(),
        datagram.sourcePort(), datagram.packet());
    service();
  }

  void deadlineReached(long generation) {
    if (!attached || generation != deadlineGeneration) {
      return;
    }
    armedDeadline = Long.MAX_VALUE;
    stack.handleTimeout(clock.now());
    service();
  }

  boolean isCurrent(long generation) {
    return attached && generation == deadlineGeneration;
  }

  /** Drains every transmit, then re-arms the deadline event if the deadline moved. */
  void service() {
    if (!attached) {
      return;
    }
    for (Transmit transmit = stack.pollTransmit(); transmit != null; transmit = stack.pollTransmit()) {
      network.send(this, transmit);
    }
    long deadline = stack.nextDeadline();
    if (deadline == Long.MAX_VALUE) {
      disarm();
      return;
    }
    long at = Math.max(deadline, clock.now());
    if (at != armedDeadline) {
      deadlineGeneration++;
      armedDeadline = at;
      events.schedule(at, new DeadlineEvent(this, deadlineGeneration));
    }
  }

  void detach() {
    attached = false;
    disarm();
  }

  private void disarm() {
    if (armedDeadline != Long.MAX_VALUE) {
      deadlineGeneration++;
      armedDeadline = Long.MAX_VALUE;
    }
  }
}
