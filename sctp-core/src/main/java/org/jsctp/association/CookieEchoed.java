package org.jsctp.association;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.timer.Timer;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.ErrorChunk;

/**
 * COOKIE-ECHOED: the INIT ACK gave us the peer's parameters (the TCB exists and holds the
 * messages sent so far) and our COOKIE ECHO is retransmitted under T1 until the COOKIE ACK
 * (RFC 9260 section 5.1 steps C and E), with an ERROR reporting parameters of the INIT ACK we did
 * not recognize (section 3.2.1).
 */
final class CookieEchoed implements Phase.WithTcb {

  private final Tcb tcb;
  final List<InetAddress> connectAddresses;
  final CookieEchoChunk cookieEcho;
  /** The ERROR sent along with the COOKIE ECHO, or null. */
  final ErrorChunk unrecognizedReport;
  final Timer t1;
  /** Index of the path the latest INIT went to. */
  final int initDestination;
  long sentAt;

  CookieEchoed(Tcb tcb, List<InetAddress> connectAddresses, CookieEchoChunk cookieEcho,
      ErrorChunk unrecognizedReport, Timer t1, int initDestination) {
    this.tcb = tcb;
    this.connectAddresses = connectAddresses;
    this.cookieEcho = cookieEcho;
    this.unrecognizedReport = unrecognizedReport;
    this.t1 = t1;
    this.initDestination = initDestination;
  }

  @Override
  public Tcb tcb() {
    return tcb;
  }

  @Override
  public CookieEchoed withTcb(Tcb replacement) {
    CookieEchoed copy = new CookieEchoed(replacement, connectAddresses, cookieEcho,
        unrecognizedReport, t1, initDestination);
    copy.sentAt = sentAt;
    return copy;
  }

  @Override
  public AssociationState state() {
    return AssociationState.COOKIE_ECHOED;
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
