package org.jsctp.endpoint;

import java.net.InetAddress;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.jsctp.association.SctpAssociation;
import org.jsctp.ha.AssociationHeader;
import org.jsctp.ha.PathSnapshot;

/**
 * The endpoint's associations and the tables that find them: by id, by the verification tag
 * the association expects (RFC 9260 section 8.5), and by peer IP and SCTP port (an INIT, a
 * COOKIE ECHO or a packet with a tag not known here); also the count per peer IP that
 * max_associations_per_peer limits, and the ids handed out.
 */
final class AssociationTable {

  /** A peer transport address as far as routing goes: IP and SCTP port. */
  record PeerKey(InetAddress address, int port) {}

  private final Map<Integer, SctpAssociation> byTag = new HashMap<>();
  private final Map<Integer, SctpAssociation> byId = new HashMap<>();
  private final Collection<SctpAssociation> view = Collections.unmodifiableCollection(byId.values());
  private final Map<PeerKey, SctpAssociation> byPeer = new HashMap<>();
  /** Associations per peer IP (the address each was set up with), for max_associations_per_peer. */
  private final Map<InetAddress, Integer> perPeerIp = new HashMap<>();
  /** The peer IP each association counts against in {@link #perPeerIp}, by association id. */
  private final Map<Integer, InetAddress> countedPeer = new HashMap<>();
  private int nextId = 1;

  /** Every association, a live read-only view. */
  Collection<SctpAssociation> all() {
    return view;
  }

  int size() {
    return byId.size();
  }

  SctpAssociation byId(int id) {
    return byId.get(id);
  }

  SctpAssociation byTag(int tag) {
    return byTag.get(tag);
  }

  boolean hasTag(int tag) {
    return byTag.containsKey(tag);
  }

  SctpAssociation byPeer(InetAddress address, int port) {
    return byPeer.get(new PeerKey(address, port));
  }

  /** Associations set up with a peer at {@code address} (max_associations_per_peer). */
  int countFromPeer(InetAddress address) {
    return perPeerIp.getOrDefault(address, 0);
  }

  /** A new association id: unused here and never 0 (RFC 6458 sctp_assoc_t). */
  int allocateId() {
    while (byId.containsKey(nextId) || nextId == 0) {
      nextId++;
    }
    return nextId++;
  }

  /** {@code wanted} when it is not 0 and free here, else a new id. */
  int idFor(int wanted) {
    return wanted != 0 && !byId.containsKey(wanted) ? wanted : allocateId();
  }

  /** @throws IllegalStateException when an association to one of {@code peers} exists */
  void requireNoAssociationTo(Iterable<InetAddress> peers, int peerPort) {
    for (InetAddress peer : peers) {
      if (byPeer.containsKey(new PeerKey(peer, peerPort))) {
        throw new IllegalStateException("an association to " + peer.getHostAddress() + ":" + peerPort + " exists");
      }
    }
  }

  /**
   * @throws IllegalStateException when an association with the snapshot's tag or one of its peer
   *     addresses exists
   */
  void requireRoomFor(AssociationHeader h) {
    if (byTag.containsKey(h.localTag())) {
      throw new IllegalStateException("an association with verification tag 0x"
          + Integer.toHexString(h.localTag()) + " exists here");
    }
    for (PathSnapshot p : h.paths()) {
      if (byPeer.containsKey(new PeerKey(p.address(), h.peerPort()))) {
        throw new IllegalStateException("an association to " + p.address().getHostAddress()
            + ":" + h.peerPort() + " exists here");
      }
    }
  }

  void add(SctpAssociation a) {
    byId.put(a.id(), a);
    byTag.put(a.localTag(), a);
    InetAddress peer0 = a.peerAddresses().get(0);
    perPeerIp.merge(peer0, 1, Integer::sum);
    countedPeer.put(a.id(), peer0);
    for (InetAddress peer : a.peerAddresses()) {
      byPeer.putIfAbsent(new PeerKey(peer, a.peerPort()), a);
    }
  }

  void peerAddressAdded(SctpAssociation a, InetAddress address) {
    if (byId.get(a.id()) == a) {
      byPeer.putIfAbsent(new PeerKey(address, a.peerPort()), a);
    }
  }

  void peerAddressRemoved(SctpAssociation a, InetAddress address) {
    byPeer.remove(new PeerKey(address, a.peerPort()), a);
  }

  void localTagChanged(SctpAssociation a, int oldTag) {
    byTag.remove(oldTag, a);
    byTag.put(a.localTag(), a);
  }

  void remove(SctpAssociation a) {
    if (byId.remove(a.id(), a)) {
      InetAddress counted = countedPeer.remove(a.id());
      if (counted != null) {
        perPeerIp.computeIfPresent(counted, (k, n) -> n > 1 ? n - 1 : null);
      }
    }
    byTag.remove(a.localTag(), a);
    for (InetAddress peer : a.peerAddresses()) {
      byPeer.remove(new PeerKey(peer, a.peerPort()), a);
    }
  }
}
