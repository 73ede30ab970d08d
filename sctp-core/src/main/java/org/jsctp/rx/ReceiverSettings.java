package org.jsctp.rx;

/**
 * The socket options the data receiver follows, read each time they matter so that a change on a
 * live association (through the association's options facade) takes effect at once.
 */
public interface ReceiverSettings {

  /** SO_RCVBUF: the receive window, counting everything held for the application. */
  long rcvbuf();

  /** SCTP_DELAYED_SACK sack_delay, in nanoseconds (at most 500 ms). */
  long sackDelayNanos();

  /** SCTP_DELAYED_SACK sack_freq: packets that make a SACK due. */
  int sackFrequency();

  /** SCTP_PARTIAL_DELIVERY_POINT in bytes; 0 means half the receive buffer. */
  long partialDeliveryPoint();
}
