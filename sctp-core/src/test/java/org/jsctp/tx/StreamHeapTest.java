package org.jsctp.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The heap of the priority and fair schedulers, against a sorted set. */
class StreamHeapTest {

  private record Key(int stream, int rank, long order) {}

  @Test
  void alwaysNamesTheLeastRankThenOrderThenStreamAsASortedSetDoes() {
    long seed = Long.getLong("sim.seed", 8260);
    SplittableRandom random = new SplittableRandom(seed);
    StreamHeap heap = new StreamHeap();
    TreeSet<Key> reference = new TreeSet<>(Comparator.comparingInt(Key::rank)
        .thenComparingLong(Key::order).thenComparingInt(Key::stream));
    Map<Integer, Key> present = new HashMap<>();
    for (int step = 0; step < 50_000; step++) {
      int stream = random.nextInt(300);
      Key old = present.get(stream);
      Key key = new Key(stream, random.nextInt(4), random.nextInt(50));
      int op = random.nextInt(3);
      if (old == null) {
        heap.add(stream, key.rank(), key.order());
        reference.add(key);
        present.put(stream, key);
      } else if (op == 0) {
        heap.remove(stream);
        reference.remove(old);
        present.remove(stream);
      } else {
        heap.update(stream, key.rank(), key.order());
        reference.remove(old);
        reference.add(key);
        present.put(stream, key);
      }
      assertThat(heap.peek()).as("seed %s step %s", seed, step)
          .isEqualTo(reference.isEmpty() ? -1 : reference.first().stream());
    }
    heap.clear();
    assertThat(heap.isEmpty()).isTrue();
    assertThat(heap.contains(present.keySet().iterator().next())).isFalse();
  }

  @Test
  void comparesOrdersInSerialArithmeticSoThatTheyMayWrap() {
    StreamHeap heap = new StreamHeap();
    heap.add(1, 0, Long.MAX_VALUE);
    heap.add(2, 0, Long.MAX_VALUE + 10);
    assertThat(heap.peek()).isEqualTo(1);
    heap.update(1, 0, Long.MAX_VALUE + 20);
    assertThat(heap.peek()).isEqualTo(2);
  }
}
