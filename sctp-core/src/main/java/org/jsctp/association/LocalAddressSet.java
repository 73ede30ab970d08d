package org.jsctp.association;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local addresses of one association: those of its endpoint when it was set up, then changed
 * by ADD-IP (RFC 5061). An address is in use (the peer knows it, paths send from it), being added
 * (the peer was asked and has not answered: no packet but the ASCONF leaves from it, RFC 5061
 * section 5.3) or being deleted (the peer was asked: no path sends from it, and it keeps
 * receiving until the peer answers). An address leaves the set when the peer acknowledged its
 * deletion or refused its addition.
 */
final class LocalAddressSet {

  /** Where an address stands with the peer. */
  enum State {
    IN_USE,
    ADDING,
    DELETING
  }

  private final Map<InetAddress, State> addresses = new LinkedHashMap<>();

  LocalAddressSet(List<InetAddress> initial) {
    for (InetAddress a : initial) {
      addresses.put(a, State.IN_USE);
    }
  }

  /** The state of {@code address}, or null when the association does not hold it. */
  State state(InetAddress address) {
    return addresses.get(address);
  }

  boolean contains(InetAddress address) {
    return addresses.containsKey(address);
  }

  /** The addresses paths may send from, in the order they came. */
  List<InetAddress> inUse() {
    List<InetAddress> list = new ArrayList<>(addresses.size());
    for (Map.Entry<InetAddress, State> e : addresses.entrySet()) {
      if (e.getValue() == State.IN_USE) {
        list.add(e.getKey());
      }
    }
    return list;
  }

  /** Every address the association holds, whatever its state. */
  List<InetAddress> all() {
    return Collections.unmodifiableList(new ArrayList<>(addresses.keySet()));
  }

  /** How many addresses are in use of the family of {@code like}. */
  int inUseLike(InetAddress like) {
    int n = 0;
    for (Map.Entry<InetAddress, State> e : addresses.entrySet()) {
      if (e.getValue() == State.IN_USE && e.getKey().getClass() == like.getClass()) {
        n++;
      }
    }
    return n;
  }

  /** Whether an address other than {@code address} is in use or being added. */
  boolean hasAnotherBesides(InetAddress address) {
    for (Map.Entry<InetAddress, State> e : addresses.entrySet()) {
      if (e.getValue() != State.DELETING && !e.getKey().equals(address)) {
        return true;
      }
    }
    return false;
  }

  void set(InetAddress address, State state) {
    addresses.put(address, state);
  }

  void remove(InetAddress address) {
    addresses.remove(address);
  }

  /** Starts again from {@code initial}, all in use (a restarted association). */
  void reset(List<InetAddress> initial) {
    addresses.clear();
    for (InetAddress a : initial) {
      addresses.put(a, State.IN_USE);
    }
  }

  @Override
  public String toString() {
    return addresses.toString();
  }
}
