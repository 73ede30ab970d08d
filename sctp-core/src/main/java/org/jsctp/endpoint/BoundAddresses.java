package org.jsctp.endpoint;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jsctp.association.SctpAssociation;

/**
 * The endpoint's bound local IPs (sctp_bindx, RFC 6458 section 9.1) and the MTU of each one's
 * interface as the driver told it. Binding and unbinding tell the associations, which ask their
 * peers with ADD-IP (RFC 5061); an unbind is refused as a whole when one of them cannot.
 */
final class BoundAddresses {

  private final List<InetAddress> addresses;
  private final List<InetAddress> view;
  /** The MTU of the interface of each local IP, as the driver told it (setInterfaceMtu). */
  private final Map<InetAddress, Integer> interfaceMtus = new HashMap<>();

  BoundAddresses(List<InetAddress> initial) {
    this.addresses = new ArrayList<>(new LinkedHashSet<>(initial));
    this.view = Collections.unmodifiableList(addresses);
  }

  /** The bound IPs in the order bound; a live read-only view. */
  List<InetAddress> view() {
    return view;
  }

  /** See {@link Endpoint#addLocalAddress(long, InetAddress)}. */
  boolean add(long time, InetAddress address, Collection<SctpAssociation> associations) {
    if (addresses.contains(address)) {
      return false;
    }
    addresses.add(address);
    for (SctpAssociation a : List.copyOf(associations)) {
      a.localAddressAdded(time, address);
    }
    return true;
  }

  /** See {@link Endpoint#removeLocalAddress(long, InetAddress)}. */
  boolean remove(long time, InetAddress address, Collection<SctpAssociation> associations) {
    if (!addresses.contains(address)) {
      return false;
    }
    if (addresses.size() == 1) {
      throw new IllegalStateException("cannot remove the last local address " + address.getHostAddress());
    }
    for (SctpAssociation a : associations) {
      String refusal = a.localAddressRemovalRefusal(address);
      if (refusal != null) {
        throw new IllegalStateException("cannot remove local address " + address.getHostAddress()
            + ": " + refusal);
      }
    }
    addresses.remove(address);
    for (SctpAssociation a : List.copyOf(associations)) {
      a.localAddressRemoved(time, address);
    }
    return true;
  }

  /** See {@link Endpoint#usesLocalAddress(InetAddress)}. */
  boolean inUse(InetAddress address, Collection<SctpAssociation> associations) {
    if (addresses.contains(address)) {
      return true;
    }
    for (SctpAssociation a : associations) {
      if (a.localAddresses().contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** @throws IllegalArgumentException when a snapshot's association uses an address not bound */
  void requireBound(List<InetAddress> locals) {
    for (InetAddress local : locals) {
      if (!addresses.contains(local)) {
        throw new IllegalArgumentException("the snapshot's association uses local address "
            + local.getHostAddress() + ", which this endpoint does not have (its addresses: "
            + addresses + "); move the active's addresses here before restoring");
      }
    }
  }

  /** 0 forgets it; the caller checked that {@code mtu} is not negative. */
  void setInterfaceMtu(InetAddress local, int mtu) {
    if (mtu == 0) {
      interfaceMtus.remove(local);
    } else {
      interfaceMtus.put(local, mtu);
    }
  }

  /** The MTU of the interface of {@code local}, or 0 when the driver did not tell it. */
  int interfaceMtu(InetAddress local) {
    return interfaceMtus.getOrDefault(local, 0);
  }
}
