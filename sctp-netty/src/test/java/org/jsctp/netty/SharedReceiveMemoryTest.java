package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedReceiveMemoryTest {

  @Test
  void aReservationBeyondTheLimitTakesNothing() {
    SharedReceiveMemory memory = new SharedReceiveMemory(1000);

    assertThat(memory.reserve(600)).isTrue();
    assertThat(memory.reserve(401)).isFalse();
    assertThat(memory.used()).isEqualTo(600);
    assertThat(memory.reserve(400)).isTrue();
    assertThat(memory.reserve(1)).isFalse();
    assertThat(memory.used()).isEqualTo(1000);
    assertThat(memory.limit()).isEqualTo(1000);
  }

  @Test
  void releasedBytesCanBeReservedAgain() {
    SharedReceiveMemory memory = new SharedReceiveMemory(1000);
    memory.reserve(1000);

    memory.release(300);

    assertThat(memory.used()).isEqualTo(700);
    assertThat(memory.reserve(301)).isFalse();
    assertThat(memory.reserve(300)).isTrue();
  }

  @Test
  void releasingMoreThanReservedStopsAtZeroAsTheCoresBudgetDoes() {
    SharedReceiveMemory memory = new SharedReceiveMemory(1000);
    memory.reserve(100);

    memory.release(250);

    assertThat(memory.used()).isZero();
  }

  @Test
  void concurrentReservationsFromSeveralThreadsNeverHoldMoreThanTheLimit() throws Exception {
    long limit = 10_000;
    int threads = 4;
    int rounds = 200_000;
    // Two threads can hold their bytes at once, never three.
    int size = 4_000;
    SharedReceiveMemory memory = new SharedReceiveMemory(limit);
    // What the threads hold between a successful reserve and its release: never above the limit
    // if no two threads can take the same bytes.
    AtomicLong held = new AtomicLong();
    AtomicLong maxHeld = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < rounds; i++) {
                  if (!memory.reserve(size)) {
                    continue;
                  }
                  long now = held.addAndGet(size);
                  maxHeld.accumulateAndGet(now, Math::max);
                  held.addAndGet(-size);
                  memory.release(size);
                }
              },
              "reserve-" + t);
      workers.add(w);
      w.start();
    }
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }

    assertThat(maxHeld.get()).isPositive().isLessThanOrEqualTo(limit);
    assertThat(memory.used()).isZero();
  }
}
