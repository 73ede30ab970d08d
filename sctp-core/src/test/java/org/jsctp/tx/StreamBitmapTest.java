package org.jsctp.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The three-level stream bitmap of the round-robin schedulers, against a sorted set. */
class StreamBitmapTest {

  @Test
  void findsTheNextStreamAtOrAfterAnyStreamAsASortedSetDoes() {
    long seed = Long.getLong("sim.seed", 8260);
    SplittableRandom random = new SplittableRandom(seed);
    StreamBitmap bitmap = new StreamBitmap();
    TreeSet<Integer> reference = new TreeSet<>();
    for (int step = 0; step < 50_000; step++) {
      // Mostly a few clustered streams, sometimes anywhere in the 16-bit range.
      int stream = random.nextInt(4) == 0 ? random.nextInt(65_536) : random.nextInt(200);
      if (random.nextBoolean()) {
        bitmap.add(stream);
        reference.add(stream);
      } else {
        bitmap.remove(stream);
        reference.remove(stream);
      }
      int from = random.nextInt(65_537);
      Integer expected = reference.ceiling(from);
      assertThat(bitmap.nextAtOrAfter(from)).as("seed %s step %s from %s", seed, step, from)
          .isEqualTo(expected == null ? -1 : expected);
      assertThat(bitmap.contains(stream)).isEqualTo(reference.contains(stream));
      assertThat(bitmap.isEmpty()).isEqualTo(reference.isEmpty());
    }
  }

  @Test
  void findsStreamsAcrossEveryLevelBoundary() {
    StreamBitmap bitmap = new StreamBitmap();
    int[] streams = {0, 63, 64, 4_095, 4_096, 65_535};
    for (int s : streams) {
      bitmap.add(s);
    }
    assertThat(bitmap.nextAtOrAfter(1)).isEqualTo(63);
    assertThat(bitmap.nextAtOrAfter(65)).isEqualTo(4_095);
    assertThat(bitmap.nextAtOrAfter(4_097)).isEqualTo(65_535);
    assertThat(bitmap.nextAtOrAfter(65_536)).isEqualTo(-1);

    bitmap.remove(65_535);
    assertThat(bitmap.nextAtOrAfter(4_097)).isEqualTo(-1);
    bitmap.clear();
    assertThat(bitmap.isEmpty()).isTrue();
    assertThat(bitmap.nextAtOrAfter(0)).isEqualTo(-1);
  }
}
