package org.jsctp.testkit.sim;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derives independent random streams from the run's seed and a stable identity (a link's two
 * addresses, or a name), so that a stream never depends on the order in which things were
 * created.
 */
final class SeedStreams {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private SeedStreams() {}

  static SplittableRandom forLink(long seed, InetAddress source, InetAddress destination) {
    long h = mix(seed ^ 0x4C494E4BL);
    h = absorb(h, source.getAddress());
    h = absorb(h, destination.getAddress());
    return new SplittableRandom(h);
  }

  static SplittableRandom forName(long seed, String name) {
    long h = mix(seed ^ 0x4E414D45L);
    h = absorb(h, name.getBytes(StandardCharsets.UTF_8));
    return new SplittableRandom(h);
  }

  /** The {@code index}-th seed of a sequence starting from {@code base}. */
  static long nth(long base, long index) {
    return mix(base + GOLDEN_GAMMA * (index + 1));
  }

  private static long absorb(long h, byte[] bytes) {
    h = mix(h + GOLDEN_GAMMA + bytes.length);
    for (byte b : bytes) {
      h = mix(h + GOLDEN_GAMMA + (b & 0xFF));
    }
    return h;
  }

  /** The SplitMix64 finalizer. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
