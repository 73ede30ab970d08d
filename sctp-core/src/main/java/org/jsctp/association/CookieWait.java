package org.jsctp.association;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.timer.Timer;

/**
 * COOKIE-WAIT: our INIT is out (RFC 9260 section 5.1 step A) and retransmitted under T1, each
 * time to the next confirmed peer address; messages the application sends meanwhile wait in
 * {@link #early}. The peer's parameters are not known yet, so there is no TCB.
 */
final class CookieWait implements Phase {

  final int localTag;
  final int localInitialTsn;
  /** The peer addresses the application gave: confirmed from the start (section 5.4). */
  final List<InetAddress> connectAddresses;
  final EarlyMessages early;
  final Timer t1;
  /** What the INIT announces for AUTH (RFC 4895), or null when AUTH is not offered. */
  final AuthParameters localAuth;
  /** Index of the path the latest INIT went to. */
  int initDestination;
  long sentAt;

  CookieWait(int localTag, int localInitialTsn, List<InetAddress> connectAddresses,
      EarlyMessages early, Timer t1, AuthParameters localAuth) {
    this.localTag = localTag;
    this.localInitialTsn = localInitialTsn;
    this.connectAddresses = List.copyOf(connectAddresses);
    this.early = early;
    this.t1 = t1;
    this.localAuth = localAuth;
  }

  @Override
  public AssociationState state() {
    return AssociationState.COOKIE_WAIT;
  }

  @Override
  public int localTag() {
    return localTag;
  }

  @Override
  public long deadline() {
    return t1.deadline();
  }

  @Override
  public void stopTimers() {
    t1.stop();
  }
}
