package org.jsctp.tx;

/**
 * The socket options the data sender follows, read each time they matter so that a change on a
 * live association (through the association's options facade) takes effect at once.
 */
public interface SenderSettings {

  /** SO_SNDBUF: user data queued or unacknowledged; half of it is the low-water mark. */
  long sndbuf();

  /** SCTP_NODELAY: no Nagle-like bundling delay. */
  boolean nodelay();

  /** SCTP_MAXSEG: the largest user data per DATA chunk; 0 lets the path MTU decide. */
  int maxSegment();

  /** SCTP_DISABLE_FRAGMENTS: messages larger than one chunk are refused. */
  boolean disableFragments();

  /** SCTP_MAX_BURST: packets of new data per transmission opportunity. */
  int maxBurst();
}
