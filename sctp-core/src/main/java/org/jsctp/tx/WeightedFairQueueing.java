package org.jsctp.tx;

/**
 * The weighted fair queueing stream scheduler (RFC 8260 section 3.6): every stream with data gets
 * a share of the user data bytes sent proportional to its value, its weight (default 1, as in
 * Linux), by virtual-time fair queueing ({@link FairQueueing}). A weight of 0 is refused, as Linux
 * refuses it: a stream that should send nothing is one the application sends nothing on.
 */
final class WeightedFairQueueing extends FairQueueing {

  /** Each stream's weight, 0 standing for the default 1. */
  private final StreamInts weights = new StreamInts();

  @Override
  int weight(int stream) {
    int w = weights.get(stream);
    return w == 0 ? 1 : w;
  }

  @Override
  public boolean acceptsValue(int value) {
    return value >= 1;
  }

  @Override
  public void setValue(int stream, int value) {
    if (!acceptsValue(value)) {
      throw new IllegalArgumentException("SCTP_STREAM_SCHEDULER_VALUE = " + value
          + " is out of range 1..65535 for WEIGHTED_FAIR_QUEUEING: the value is a weight");
    }
    weights.set(stream, value);
  }

  @Override
  public int value(int stream) {
    return weight(stream);
  }
}
