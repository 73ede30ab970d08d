package org.jsctp.netty.channel;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.ReconnectBackoff;

/**
 * A Netty client whose SCTP association sets itself up again: it connects a {@link Bootstrap}
 * (configured as usual: group, {@link JsctpSctpChannel}, handler, options) to the peer, and when
 * the channel closes (its association lost, aborted or shut down) or a connect fails, it connects
 * again after the delays of a {@link ReconnectBackoff}. The jsctp counterpart of {@link
 * org.jsctp.netty.ReconnectingClient} for Netty pipelines, as Diameter and M3UA clients on Netty
 * expect.
 *
 * <pre>{@code
 * ReconnectingBootstrap client = new ReconnectingBootstrap(bootstrap, peer,
 *     new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30)), listener);
 * client.start();
 * }</pre>
 *
 * <p>Listener calls come on an event loop of the bootstrap's group: do not block in them. Each
 * association is a new channel with a new pipeline, so the bootstrap's handler must be one that
 * can be added again (a {@code ChannelInitializer}, or a {@code @Sharable} handler).
 */
public final class ReconnectingBootstrap implements AutoCloseable {

  private static final InternalLogger LOG =
      InternalLoggerFactory.getInstance(ReconnectingBootstrap.class);

  /** What the bootstrap reports to the application. */
  public interface Listener {
    /** The channel is connected: its association is up. */
    void up(Channel channel);

    /** The channel closed: its association has ended; another is being set up. */
    void down(Channel channel);

    /** A connect failed; the next one starts after {@code nextAttemptIn}. */
    default void connectFailed(int attempt, Throwable cause, Duration nextAttemptIn) {}
  }

  private final Bootstrap bootstrap;
  private final SocketAddress remote;
  private final ReconnectBackoff backoff;
  private final Listener listener;
  private final EventLoop loop;
  // Confined to loop.
  private boolean started;
  private boolean closed;
  private Channel current;
  private ScheduledFuture<?> pending;
  private int failures;

  /**
   * @param bootstrap a configured client bootstrap (group, channel class, handler); this class
   *     calls only its {@code connect}
   */
  public ReconnectingBootstrap(Bootstrap bootstrap, SocketAddress remote, ReconnectBackoff backoff,
      Listener listener) {
    this.bootstrap = Objects.requireNonNull(bootstrap, "bootstrap");
    this.remote = Objects.requireNonNull(remote, "remote");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.loop = bootstrap.config().group().next();
  }

  /** Starts the first connect. Only once. */
  public ReconnectingBootstrap start() {
    loop.execute(() -> {
      if (!started && !closed) {
        started = true;
        attempt();
      }
    });
    return this;
  }

  /** Stops reconnecting and closes the current channel. No listener call follows. */
  @Override
  public void close() {
    loop.execute(() -> {
      closed = true;
      if (pending != null) {
        pending.cancel(false);
      }
      if (current != null) {
        current.close();
        current = null;
      }
    });
  }

  private void attempt() {
    pending = null;
    if (closed) {
      return;
    }
    ChannelFuture f = bootstrap.connect(remote);
    f.addListener(done -> loop.execute(() -> connected(f)));
  }

  private void connected(ChannelFuture f) {
    Channel ch = f.channel();
    if (closed) {
      ch.close();
      return;
    }
    if (!f.isSuccess()) {
      int attempt = ++failures;
      Duration next = backoff.delay(attempt);
      if (LOG.isDebugEnabled()) {
        LOG.debug("connect to {} failed (attempt {}): {}; next in {} ms", remote, attempt,
            f.cause(), next.toMillis());
      }
      call(() -> listener.connectFailed(attempt, f.cause(), next));
      schedule(next);
      return;
    }
    failures = 0;
    current = ch;
    call(() -> listener.up(ch));
    ch.closeFuture().addListener(c -> loop.execute(() -> ended(ch)));
  }

  private void ended(Channel ch) {
    if (closed || current != ch) {
      return;
    }
    current = null;
    call(() -> listener.down(ch));
    schedule(backoff.initial());
  }

  private void schedule(Duration delay) {
    if (!closed) {
      pending = loop.schedule(this::attempt, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private void call(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("ReconnectingBootstrap listener failed", e);
    }
  }
}
