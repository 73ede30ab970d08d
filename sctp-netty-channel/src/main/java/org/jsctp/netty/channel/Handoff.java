package org.jsctp.netty.channel;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;

/**
 * Moves work from jsctp's event loops (where its futures complete) to the Netty event loop of the
 * channel, the only thread that touches the channel's pipeline and read and write state.
 */
final class Handoff {

  private Handoff() {}

  /**
   * Runs {@code task} on {@code channel}'s event loop, or {@code ifRejected} on the calling thread
   * when that loop has shut down (then nothing else touches what {@code ifRejected} frees).
   */
  static void toLoop(Channel channel, Runnable task, Runnable ifRejected) {
    try {
      channel.eventLoop().execute(task);
    } catch (RejectedExecutionException e) {
      ifRejected.run();
    }
  }

  /**
   * Runs {@code task} on {@code channel}'s event loop: at once when called there or before the
   * channel was ever registered, on the calling thread when the loop has shut down.
   */
  static void onLoop(Channel channel, Runnable task) {
    if (!channel.isRegistered() || channel.eventLoop().inEventLoop()) {
      task.run();
    } else {
      toLoop(channel, task, task);
    }
  }

  /** A blocking call on a jsctp channel. */
  interface Call {
    void run() throws IOException;
  }

  /**
   * Runs {@code call} on {@code channel}'s event loop (as Netty's NIO channels run {@code
   * bindAddress}) and completes {@code promise} with its outcome.
   */
  static ChannelFuture onLoop(Channel channel, ChannelPromise promise, Call call) {
    onLoop(
        channel,
        () -> {
          try {
            call.run();
            promise.setSuccess();
          } catch (IOException | RuntimeException e) {
            promise.setFailure(e);
          }
        });
    return promise;
  }
}
