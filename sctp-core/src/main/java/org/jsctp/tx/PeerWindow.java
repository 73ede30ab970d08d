package org.jsctp.tx;

/**
 * The peer's receive window as the sender tracks it (RFC 9260 section 6.1 and 6.2.1): the latest
 * a_rwnd less what is in flight, lowered by every chunk sent and raised again by chunks taken out
 * of flight for retransmission; and when the latest SACK came, to tell a window probe the peer
 * refused from a lost one.
 */
final class PeerWindow {

  private long rwnd;
  private long lastAdvertised;
  private long lastSackAt = Long.MIN_VALUE;

  /** @param initial the a_rwnd of the peer's INIT or INIT ACK */
  PeerWindow(long initial) {
    this.rwnd = initial;
    this.lastAdvertised = initial;
  }

  long rwnd() {
    return rwnd;
  }

  long lastAdvertised() {
    return lastAdvertised;
  }

  /**
   * Whether a chunk of {@code size} bytes may go: it fits the window, or nothing is in flight
   * (the zero-window probe of section 6.1 rule A).
   */
  boolean admits(long size, long flight) {
    return size <= rwnd || flight == 0;
  }

  boolean closed() {
    return rwnd <= 0;
  }

  /** A chunk of {@code size} bytes went out. */
  void sent(long size) {
    rwnd = Math.max(0, rwnd - size);
  }

  /** Chunks of {@code bytes} were taken out of flight for retransmission (section 6.2.1). */
  void credit(long bytes) {
    rwnd += bytes;
  }

  /** A SACK advertised {@code arwnd} with {@code flight} bytes still in flight (steps iv, v). */
  void advertised(long arwnd, long flight, long now) {
    lastAdvertised = arwnd;
    lastSackAt = now;
    rwnd = Math.max(0, arwnd - flight);
  }

  /**
   * Whether the latest SACK, received after a chunk of {@code size} sent at {@code sentAt},
   * advertised a window too small for it: the peer is alive and refused a probe.
   */
  boolean refused(long size, long sentAt) {
    return lastSackAt >= sentAt && lastAdvertised < size;
  }
}
