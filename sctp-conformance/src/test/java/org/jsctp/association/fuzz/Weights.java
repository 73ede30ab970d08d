package org.jsctp.association.fuzz;

import java.util.List;

/**
 * A weighted choice between the constants of an enum: one pick in {@code [0, total - 1]}, each
 * constant owning as many consecutive values as its weight, so that rare actions (an ABORT) stay
 * rare while the fuzzer can still reach them.
 */
final class Weights<E extends Enum<E>> {

  private final List<E> values;
  private final int[] weights;
  private final int total;

  Weights(List<E> values, int... weights) {
    if (values.size() != weights.length) {
      throw new IllegalArgumentException(values.size() + " values, " + weights.length + " weights");
    }
    this.values = List.copyOf(values);
    this.weights = weights.clone();
    int sum = 0;
    for (int w : weights) {
      sum += w;
    }
    this.total = sum;
  }

  E pick(Choices c) {
    int v = c.pick(0, total - 1);
    for (int i = 0; i < weights.length; i++) {
      v -= weights[i];
      if (v < 0) {
        return values.get(i);
      }
    }
    throw new AssertionError();
  }

  /** Writes the first value that picks {@code e}. */
  void write(SeedBytes.Writer w, E e) {
    int first = 0;
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == e) {
        w.write(0, total - 1, first);
        return;
      }
      first += weights[i];
    }
    throw new IllegalArgumentException(e.toString());
  }
}
