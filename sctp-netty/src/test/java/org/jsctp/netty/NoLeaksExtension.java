package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After every test class (registered by auto-detection): no ByteBuf leaked so far, as the leak
 * detector at PARANOID reports it, and no event loop thread of a test stack is left running.
 */
public final class NoLeaksExtension implements AfterAllCallback {

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    Loopback.assertNoStackThreads();
    assertThat(LeakRecorder.collect()).as("ByteBuf leaks").isEmpty();
  }
}
