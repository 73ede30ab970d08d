package org.jsctp.netty.option;

import java.util.Map;
import java.util.TreeMap;

/**
 * SCTP_STREAM_SCHEDULER_VALUE (RFC 8260 section 4.3.3, Linux {@code struct sctp_stream_value}):
 * per outbound stream, its priority (PRIORITY scheduler, 0 the highest) or weight (WEIGHTED_FAIR
 * _QUEUEING, at least 1). Setting applies the streams listed and leaves the others; reading gives
 * every outbound stream of the association, with 0 for schedulers without values.
 *
 * @param values value by stream number
 */
public record StreamSchedulerValues(Map<Integer, Integer> values) {

  /** Copies the map, sorted by stream, and checks the ranges. */
  public StreamSchedulerValues {
    values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    for (Map.Entry<Integer, Integer> e : values.entrySet()) {
      Ranges.check("SCTP_STREAM_SCHEDULER_VALUE", "stream_id", e.getKey(), 0, 0xFFFF);
      Ranges.check("SCTP_STREAM_SCHEDULER_VALUE", "stream_value", e.getValue(), 0, 0xFFFF);
    }
  }

  /** One stream's value, to set. */
  public static StreamSchedulerValues of(int stream, int value) {
    return new StreamSchedulerValues(Map.of(stream, value));
  }

  /** The value of {@code stream}. */
  public int value(int stream) {
    Integer v = values.get(stream);
    if (v == null) {
      throw new IllegalArgumentException("no value for stream " + stream);
    }
    return v;
  }
}
