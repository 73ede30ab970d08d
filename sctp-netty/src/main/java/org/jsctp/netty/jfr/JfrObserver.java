package org.jsctp.netty.jfr;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.api.PathState;
import org.jsctp.association.AssociationState;
import org.jsctp.association.ProtocolObserver;
import org.jsctp.association.SctpAssociation;
import org.jsctp.wire.ErrorCause;

/**
 * Turns the core's {@link ProtocolObserver} calls into JDK Flight Recorder events named {@code
 * org.jsctp.*} (category jsctp): {@code AssociationStateChange}, {@code PathStateChange}, {@code
 * DataPathChange}, {@code PrimarySwitchover}, {@code T3RtxExpiry} and {@code AssociationAbort}.
 * Every endpoint of an {@link org.jsctp.netty.SctpStack} has it.
 *
 * <p>Off unless a recording enables the events: while none does, each call creates an event that
 * escape analysis removes, asks {@code isEnabled()} and returns. With a recording, the event is
 * committed on the endpoint's event loop, at the moment of the change, without a stack trace.
 * Stateless; one instance serves every endpoint.
 */
public final class JfrObserver implements ProtocolObserver {

  /** The one instance. */
  public static final JfrObserver INSTANCE = new JfrObserver();

  private static final int MAX_CAUSES = 8;

  private JfrObserver() {}

  /**
   * Registers the event classes with Flight Recorder now rather than at the first change they
   * report: the first registration in a JVM loads JFR's metadata machinery, tens of milliseconds
   * that would otherwise fall on an association's handshake.
   */
  public static void registerEvents() {
    new AssociationStateChangeEvent().isEnabled();
    new PathStateChangeEvent().isEnabled();
    new DataPathChangeEvent().isEnabled();
    new PrimarySwitchoverEvent().isEnabled();
    new T3RtxExpiryEvent().isEnabled();
    new AssociationAbortEvent().isEnabled();
  }

  @Override
  public void associationStateChanged(
      SctpAssociation association, AssociationState from, AssociationState to, long now) {
    AssociationStateChangeEvent e = new AssociationStateChangeEvent();
    if (!e.isEnabled()) {
      return;
    }
    e.of(association);
    e.peerAddress = firstPeerAddress(association);
    e.from = from.name();
    e.to = to.name();
    e.commit();
  }

  @Override
  public void pathStateChanged(
      SctpAssociation association,
      InetAddress address,
      PathState from,
      PathState to,
      int errorCount,
      long now) {
    PathStateChangeEvent e = new PathStateChangeEvent();
    if (!e.isEnabled()) {
      return;
    }
    e.of(association);
    e.address = address.getHostAddress();
    e.from = from.name();
    e.to = to.name();
    e.errorCount = errorCount;
    e.commit();
  }

  @Override
  public void dataPathChanged(
      SctpAssociation association, InetAddress from, InetAddress to, long now) {
    DataPathChangeEvent e = new DataPathChangeEvent();
    if (!e.isEnabled()) {
      return;
    }
    e.of(association);
    e.from = from.getHostAddress();
    e.to = to.getHostAddress();
    e.commit();
  }

  @Override
  public void primarySwitchedOver(
      SctpAssociation association, InetAddress from, InetAddress to, long now) {
    PrimarySwitchoverEvent e = new PrimarySwitchoverEvent();
    if (!e.isEnabled()) {
      return;
    }
    e.of(association);
    e.from = from.getHostAddress();
    e.to = to.getHostAddress();
    e.commit();
  }

  @Override
  public void t3RtxExpired(
      SctpAssociation association, InetAddress address, long rtoMillis, long now) {
    T3RtxExpiryEvent e = new T3RtxExpiryEvent();
    if (!e.isEnabled()) {
      return;
    }
    e.of(association);
    e.address = address.getHostAddress();
    e.rto = rtoMillis;
    e.commit();
  }

  @Override
  public void aborted(
      SctpAssociation association,
      boolean received,
      List<ErrorCause> causes,
      String reason,
      long now) {
    AssociationAbortEvent e = new AssociationAbortEvent();
    if (!e.isEnabled()) {
      return;
    }
    e.of(association);
    e.peerAddress = firstPeerAddress(association);
    e.received = received;
    e.causes = causeCodes(causes);
    e.reason = reason;
    e.commit();
  }

  private static String firstPeerAddress(SctpAssociation association) {
    List<InetAddress> peers = association.peerAddresses();
    return peers.isEmpty() ? "" : peers.get(0).getHostAddress();
  }

  /** The codes, comma-separated; a peer's ABORT may carry many causes, so at most MAX_CAUSES. */
  private static String causeCodes(List<ErrorCause> causes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < causes.size() && i < MAX_CAUSES; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(causes.get(i).code());
    }
    if (causes.size() > MAX_CAUSES) {
      sb.append(",...");
    }
    return sb.toString();
  }
}
