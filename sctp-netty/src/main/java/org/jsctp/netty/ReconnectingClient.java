package org.jsctp.netty;

import java.io.IOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client association that sets itself up again: it connects a fresh {@link SctpChannel} to the
 * peer, and when the association ends (COMM_LOST, an abort, a shutdown by the peer) or a connect
 * fails, it tries again after a delay that starts at {@link Builder#initialDelay} and doubles
 * with every failed attempt up to {@link Builder#maxDelay}, with up to a fifth of random jitter
 * so that many clients of one restarted server do not come back in step. This is what Diameter
 * peers (RFC 6733 section 2.1: Tc, 30 s by default), M3UA ASPs and RestComm's {@code
 * connectDelay} expect of an SCTP client.
 *
 * <pre>{@code
 * ReconnectingClient client = ReconnectingClient.builder(stack, List.of(peer))
 *     .setup(ch -> ch.setOption(SctpStandardSocketOptions.SCTP_NODELAY, true))
 *     .listener(new ReconnectingClient.Listener() {
 *       public void up(SctpChannel ch) { startReading(ch); }
 *       public void down(SctpChannel ch) { stopUsing(ch); }
 *     })
 *     .start();
 * }</pre>
 *
 * <p>Each association gets a channel of its own: the one handed to {@link Listener#up} is closed
 * once it has ended and {@link Listener#down} returned. The application reads and writes the
 * channel as any other; messages not yet acknowledged when an association ends come back to it
 * as {@link SendFailedNotification}s on that channel, as they would without this class. Listener
 * calls come one at a time from the client's own thread (or the executor given), never from an
 * event loop of the stack, so they may block briefly.
 */
public final class ReconnectingClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReconnectingClient.class);

  /** What the client reports to the application. */
  public interface Listener {
    /** An association is up on {@code channel}, which is the application's to use. */
    void up(SctpChannel channel);

    /** The association of {@code channel} has ended; a new one is being set up. */
    void down(SctpChannel channel);

    /** A connect failed; the next attempt starts after {@code nextAttemptIn}. */
    default void connectFailed(int attempt, Throwable cause, Duration nextAttemptIn) {}
  }

  /** Prepares each new channel before it connects: options, a local bind. */
  @FunctionalInterface
  public interface ChannelSetup {
    void prepare(SctpChannel channel) throws IOException;
  }

  private final SctpStack stack;
  private final List<SocketAddress> remotes;
  private final ChannelSetup setup;
  private final Listener listener;
  private final ReconnectBackoff backoff;
  private final ScheduledExecutorService executor;
  private final boolean ownExecutor;

  private final Object lock = new Object();
  private boolean started;
  private boolean closed;
  private SctpChannel current;
  private boolean currentUp;
  private ScheduledFuture<?> pending;
  private int failures;
  private long connects;

  private ReconnectingClient(Builder b) {
    this.stack = b.stack;
    this.remotes = b.remotes;
    this.setup = b.setup;
    this.listener = b.listener;
    this.backoff = b.backoff;
    this.ownExecutor = b.executor == null;
    this.executor = b.executor != null ? b.executor : Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "jsctp-reconnect");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * A client of the peer at {@code remotes} (several addresses of one peer, as sctp_connectx; the
   * first becomes the primary path) on {@code stack}.
   */
  public static Builder builder(SctpStack stack, List<? extends SocketAddress> remotes) {
    return new Builder(stack, remotes);
  }

  /** Starts the first connect at once. Only once. */
  public ReconnectingClient start() {
    synchronized (lock) {
      if (started) {
        throw new IllegalStateException("already started");
      }
      if (closed) {
        throw new IllegalStateException("closed");
      }
      started = true;
      pending = executor.schedule(this::attempt, 0, TimeUnit.NANOSECONDS);
    }
    return this;
  }

  /** The channel whose association is up, or null between associations. */
  public SctpChannel channel() {
    synchronized (lock) {
      return currentUp ? current : null;
    }
  }

  /** Associations set up so far. */
  public long connects() {
    synchronized (lock) {
      return connects;
    }
  }

  /**
   * Stops reconnecting and closes the current channel (a graceful shutdown, or what its
   * SO_LINGER says). No listener call follows.
   */
  @Override
  public void close() {
    SctpChannel ch;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      if (pending != null) {
        pending.cancel(false);
      }
      ch = current;
      current = null;
      currentUp = false;
    }
    if (ch != null) {
      ch.closeAsync();
    }
    if (ownExecutor) {
      executor.shutdown();
    }
  }

  private void attempt() {
    SctpChannel ch;
    synchronized (lock) {
      if (closed) {
        return;
      }
      pending = null;
    }
    try {
      ch = SctpChannel.open(stack);
    } catch (IOException | RuntimeException e) {
      failed(e);
      return;
    }
    try {
      setup.prepare(ch);
    } catch (IOException | RuntimeException e) {
      ch.closeAsync();
      failed(e);
      return;
    }
    synchronized (lock) {
      if (closed) {
        ch.closeAsync();
        return;
      }
      current = ch;
    }
    CompletableFuture<Void> connect = ch.connectAsync(remotes);
    connect.whenCompleteAsync((v, e) -> connected(ch, e), executor);
  }

  private void connected(SctpChannel ch, Throwable error) {
    synchronized (lock) {
      if (closed || current != ch) {
        ch.closeAsync();
        return;
      }
      if (error == null) {
        currentUp = true;
        failures = 0;
        connects++;
      } else {
        current = null;
      }
    }
    if (error != null) {
      ch.closeAsync();
      failed(error instanceof java.util.concurrent.CompletionException && error.getCause() != null
          ? error.getCause() : error);
      return;
    }
    callListener(() -> listener.up(ch));
    ch.associationEnded().whenCompleteAsync((v, e) -> ended(ch), executor);
  }

  private void ended(SctpChannel ch) {
    synchronized (lock) {
      if (closed || current != ch) {
        return;
      }
      current = null;
      currentUp = false;
    }
    LOG.debug("association to {} ended; setting up another", remotes);
    callListener(() -> listener.down(ch));
    ch.closeAsync();
    schedule(backoff.initial());
  }

  private void failed(Throwable cause) {
    Duration next;
    int attempt;
    synchronized (lock) {
      if (closed) {
        return;
      }
      attempt = ++failures;
      next = backoff.delay(attempt);
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("connect to {} failed (attempt {}): {}; next in {} ms", remotes, attempt,
          cause.toString(), next.toMillis());
    }
    callListener(() -> listener.connectFailed(attempt, cause, next));
    schedule(next);
  }

  private void schedule(Duration delay) {
    synchronized (lock) {
      if (!closed) {
        pending = executor.schedule(this::attempt, delay.toNanos(), TimeUnit.NANOSECONDS);
      }
    }
  }

  private void callListener(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("ReconnectingClient listener failed", e);
    }
  }

  /** Settings of a {@link ReconnectingClient}. */
  public static final class Builder {
    private final SctpStack stack;
    private final List<SocketAddress> remotes;
    private ChannelSetup setup = ch -> {};
    private Listener listener;
    private Duration initialDelay = Duration.ofSeconds(1);
    private Duration maxDelay = Duration.ofSeconds(30);
    private ScheduledExecutorService executor;
    private ReconnectBackoff backoff;

    private Builder(SctpStack stack, List<? extends SocketAddress> remotes) {
      this.stack = Objects.requireNonNull(stack, "stack");
      if (remotes == null || remotes.isEmpty()) {
        throw new IllegalArgumentException("a ReconnectingClient needs at least one peer address");
      }
      this.remotes = List.copyOf(remotes);
    }

    /** Called with every new channel before it connects. Default: nothing. */
    public Builder setup(ChannelSetup setup) {
      this.setup = Objects.requireNonNull(setup, "setup");
      return this;
    }

    /** Required. */
    public Builder listener(Listener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The wait before the first new attempt after an association ended or a connect failed
     * (RestComm's connectDelay); doubled for every further failed attempt. Default 1 s; must be
     * positive.
     */
    public Builder initialDelay(Duration delay) {
      this.initialDelay = delay;
      return this;
    }

    /** The longest wait between attempts (Diameter's Tc is 30 s). Default 30 s. */
    public Builder maxDelay(Duration delay) {
      this.maxDelay = delay;
      return this;
    }

    /**
     * Runs attempts and listener calls on {@code executor} instead of a thread of the client's
     * own; the client does not shut it down.
     */
    public Builder executor(ScheduledExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the client; {@link ReconnectingClient#start()} starts it.
     *
     * @throws IllegalStateException without a listener
     * @throws IllegalArgumentException for delays that are not positive, or a maxDelay shorter
     *     than the initialDelay
     */
    public ReconnectingClient build() {
      if (listener == null) {
        throw new IllegalStateException("a ReconnectingClient needs a listener");
      }
      backoff = new ReconnectBackoff(initialDelay, maxDelay);
      return new ReconnectingClient(this);
    }

    /** Builds and starts the client. */
    public ReconnectingClient start() {
      return build().start();
    }
  }
}
