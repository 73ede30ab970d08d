package org.jsctp.association;

import java.net.InetAddress;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jsctp.api.SctpEvent;
import org.jsctp.config.ReceiveMemory;
import org.jsctp.config.StackConfig;
import org.jsctp.endpoint.Transmit;
import org.jsctp.ha.ReplicationRecord;
import org.jsctp.stats.MibCounters;
import org.jsctp.util.LogThrottle;

/** What an association needs from the endpoint that owns it. */
public interface AssociationContext {

  StackConfig config();

  RandomGenerator random();

  CookieSecrets cookieSecrets();

  /** The endpoint's counters; an association's counters add to them. */
  MibCounters counters();

  /** The local SCTP port. */
  int localPort();

  /** The local IP addresses of the endpoint. */
  List<InetAddress> localAddresses();

  /** The MTU of the interface holding {@code local}, as the driver told it; 0 when unknown. */
  int interfaceMtu(InetAddress local);

  /** Whether the stack may use this peer address at all (address safety). */
  boolean allowsPeerAddress(InetAddress address);

  /** A fresh verification tag, non-zero and not used by another association of the endpoint. */
  int newLocalTag();

  void emit(SctpEvent event);

  /** The endpoint's throttle for log lines a peer can cause (one per minute with a count). */
  LogThrottle logThrottle();

  /** The stack's memory for received data, shared by every association. */
  ReceiveMemory receiveMemory();

  /** The association changed: it may have packets to send and a different deadline. */
  void touched(SctpAssociation association);

  /** The association learned a peer address: route packets from it to this association. */
  void peerAddressAdded(SctpAssociation association, InetAddress address);

  /** The association lost a peer address (RFC 5061 Delete IP Address): stop routing it there. */
  void peerAddressRemoved(SctpAssociation association, InetAddress address);

  /** The association's local tag changed (a restart): re-key it. */
  void localTagChanged(SctpAssociation association, int oldTag);

  /** The association reached CLOSED; its last packets go out through {@link #transmit}. */
  void closed(SctpAssociation association);

  /** Sends a packet on the endpoint's behalf. */
  void transmit(Transmit transmit);

  /** A replication record for the standby (HA, docs/ha.md), to be polled by the driver. */
  void replicate(ReplicationRecord record);

  /** Who traces the protocol's moments; {@link ProtocolObserver#NONE} unless the driver set one. */
  default ProtocolObserver observer() {
    return ProtocolObserver.NONE;
  }
}
