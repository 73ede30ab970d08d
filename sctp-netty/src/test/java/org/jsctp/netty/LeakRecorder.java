package org.jsctp.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Records Netty's leak reports (the tests run with the leak detector at PARANOID) so that tests can
 * assert there were none. Installed as a launcher session listener, before any test class touches a
 * ByteBuf; sctp-interop's chaos client, a process of its own, calls {@link #install()} and {@link
 * #collect()} itself (this class is the whole of sctp-netty's test jar).
 */
public final class LeakRecorder implements LauncherSessionListener {

  private static final List<String> LEAKS = new ArrayList<>();

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    install();
  }

  /** Makes every leak detector created from now on record its reports here. */
  public static synchronized void install() {
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(
        new ResourceLeakDetectorFactory() {
          @Override
          public <T> ResourceLeakDetector<T> newResourceLeakDetector(
              Class<T> resource, int samplingInterval, long maxActive) {
            return new ResourceLeakDetector<T>(resource, samplingInterval) {
              @Override
              protected void reportTracedLeak(String resourceType, String records) {
                record(resourceType + " leaked: " + records);
                super.reportTracedLeak(resourceType, records);
              }

              @Override
              protected void reportUntracedLeak(String resourceType) {
                record(resourceType + " leaked (untraced)");
                super.reportUntracedLeak(resourceType);
              }
            };
          }
        });
  }

  private static synchronized void record(String leak) {
    LEAKS.add(leak);
  }

  /**
   * Collects garbage and allocates a few buffers so that the detector reports what it found, then
   * returns every leak reported so far.
   */
  public static List<String> collect() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
      for (int j = 0; j < 10; j++) {
        ByteBuf b = ByteBufAllocator.DEFAULT.directBuffer(16);
        b.release();
        ByteBuf h = ByteBufAllocator.DEFAULT.heapBuffer(16);
        h.release();
      }
    }
    synchronized (LeakRecorder.class) {
      return List.copyOf(LEAKS);
    }
  }
}
