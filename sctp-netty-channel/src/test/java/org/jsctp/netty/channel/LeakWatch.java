package org.jsctp.netty.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The tests run under Netty's leak detector at PARANOID (set by the build): every buffer is
 * tracked. Installed before any test touches a buffer (a launcher session listener), this gives
 * each detector a listener that records what it reports; after every test class (an extension
 * registered by auto-detection) no buffer may have leaked and no thread of a test stack may be
 * left.
 */
public final class LeakWatch implements LauncherSessionListener, AfterAllCallback {

  private static final List<String> REPORTS = new CopyOnWriteArrayList<>();

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(
        new ResourceLeakDetectorFactory() {
          @Override
          public <T> ResourceLeakDetector<T> newResourceLeakDetector(
              Class<T> resource, int samplingInterval, long maxActive) {
            ResourceLeakDetector<T> d = new ResourceLeakDetector<>(resource, samplingInterval);
            d.setLeakListener((type, records) -> REPORTS.add(type + " leaked:\n" + records));
            return d;
          }
        });
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    TestStacks.awaitNoStackThreads();
    assertThat(reportsAfterCollection()).as("leak reports").isEmpty();
  }

  /**
   * The detector reports a leak when it next tracks a buffer after the leaked one was collected:
   * collect, then allocate.
   */
  private static List<String> reportsAfterCollection() throws InterruptedException {
    for (int round = 0; round < 3; round++) {
      System.gc();
      Thread.sleep(50);
      for (int i = 0; i < 8; i++) {
        ByteBufAllocator.DEFAULT.buffer(8).release();
        ByteBufAllocator.DEFAULT.directBuffer(8).release();
      }
    }
    return List.copyOf(REPORTS);
  }
}
