package org.jsctp.api;

/**
 * The stream schedulers of RFC 8260 section 3, chosen per association with SCTP_STREAM_SCHEDULER
 * (RFC 8260 section 4.3.2) and tuned per stream with SCTP_STREAM_SCHEDULER_VALUE (section 4.3.3).
 * A scheduler decides which outbound stream's message is cut into chunks next; without I-DATA a
 * message once started goes out whole before the scheduler is asked again, with I-DATA it is
 * asked again for every chunk, so that a large message does not hold up the other streams.
 */
public enum StreamSchedulerKind {
  /** Messages leave in the order they were sent, whatever their stream (section 3.1). */
  FIRST_COME_FIRST_SERVED,
  /** Streams take turns, one message each, or one chunk each with I-DATA (section 3.2). */
  ROUND_ROBIN,
  /** Streams take turns per packet: a packet carries chunks of one stream (section 3.3). */
  ROUND_ROBIN_PER_PACKET,
  /**
   * Strict priority (section 3.4): the stream with the lowest value goes first; streams of equal
   * value take turns. The value is the stream's priority, 0 the highest; default 0.
   */
  PRIORITY,
  /** Every stream with data gets the same share of the bytes sent (section 3.5). */
  FAIR_BANDWIDTH,
  /**
   * Weighted fair queueing (section 3.6): every stream with data gets a share of the bytes sent
   * proportional to its value, its weight; default 1.
   */
  WEIGHTED_FAIR_QUEUEING
}
