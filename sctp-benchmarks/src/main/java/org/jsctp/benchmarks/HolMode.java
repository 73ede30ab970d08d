package org.jsctp.benchmarks;

import org.jsctp.api.StreamSchedulerKind;

/**
 * The ways of sending that the head-of-line benchmark compares: which data chunk the association
 * negotiates and which stream scheduler the sender uses (RFC 8260).
 */
enum HolMode {
  /** DATA chunks, messages leave in the order they were sent: the default. */
  DATA_FCFS("DATA + FCFS", false, StreamSchedulerKind.FIRST_COME_FIRST_SERVED),
  /** I-DATA chunks, but messages still leave in the order they were sent. */
  IDATA_FCFS("I-DATA + FCFS", true, StreamSchedulerKind.FIRST_COME_FIRST_SERVED),
  /**
   * DATA chunks, streams take turns one message each; a message once started still goes out
   * whole.
   */
  DATA_RR("DATA + RR", false, StreamSchedulerKind.ROUND_ROBIN),
  /**
   * DATA chunks, streams share the bytes sent fairly; a message once started still goes out
   * whole.
   */
  DATA_FB("DATA + FB", false, StreamSchedulerKind.FAIR_BANDWIDTH),
  /** I-DATA chunks, streams take turns chunk by chunk. */
  IDATA_RR("I-DATA + RR", true, StreamSchedulerKind.ROUND_ROBIN);

  final String label;
  final boolean interleaving;
  final StreamSchedulerKind scheduler;

  HolMode(String label, boolean interleaving, StreamSchedulerKind scheduler) {
    this.label = label;
    this.interleaving = interleaving;
    this.scheduler = scheduler;
  }
}
