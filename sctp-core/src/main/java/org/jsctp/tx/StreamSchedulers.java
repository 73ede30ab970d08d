package org.jsctp.tx;

import org.jsctp.api.StreamSchedulerKind;

/** Builds the stream scheduler of each {@link StreamSchedulerKind} (RFC 8260 section 3). */
final class StreamSchedulers {

  private StreamSchedulers() {}

  /** A new scheduler of {@code kind}, holding no messages and no per-stream values. */
  static StreamScheduler create(StreamSchedulerKind kind) {
    return switch (kind) {
      case FIRST_COME_FIRST_SERVED -> new FirstComeFirstServed();
      case ROUND_ROBIN -> new RoundRobin();
      case ROUND_ROBIN_PER_PACKET -> new RoundRobinPerPacket();
      case PRIORITY -> new PriorityScheduler();
      case FAIR_BANDWIDTH -> new FairBandwidth();
      case WEIGHTED_FAIR_QUEUEING -> new WeightedFairQueueing();
    };
  }
}
