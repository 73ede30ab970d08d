package org.jsctp.netty.ha;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@link StateReplicator} between two members in one JVM, for tests and demos: a {@link Link}
 * carries every blob and answer on one thread, in order, after a fixed latency. Closing a member
 * (as {@code SctpStack.halt()} does when its process "dies") drops what it still had on the way,
 * and the other member learns it after the link's detection time: the standby takes over, an
 * active goes on without a standby.
 */
public final class InMemoryReplicator implements StateReplicator {

  /**
   * Two members joined by one in-memory link: {@link #active()} starts as the active, {@link
   * #standby()} as its standby.
   */
  public static final class Link implements AutoCloseable {

    private final ScheduledExecutorService thread;
    private final long latencyNanos;
    private final long detectionNanos;
    private final InMemoryReplicator active;
    private final InMemoryReplicator standby;

    private Link(Duration latency, Duration detection) {
      this.latencyNanos = latency.toNanos();
      this.detectionNanos = detection.toNanos();
      this.thread =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "jsctp-ha-link");
                t.setDaemon(true);
                return t;
              });
      this.active = new InMemoryReplicator(this, Role.ACTIVE);
      this.standby = new InMemoryReplicator(this, Role.STANDBY);
      active.other = standby;
      standby.other = active;
    }

    /** The member that starts as the active. */
    public InMemoryReplicator active() {
      return active;
    }

    /** The member that starts as the standby. */
    public InMemoryReplicator standby() {
      return standby;
    }

    /** Stops the link's thread; nothing more is carried. */
    @Override
    public void close() {
      thread.shutdownNow();
    }

    private void carry(long delayNanos, Runnable task) {
      try {
        thread.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        // the link is closed: nothing is carried any more
      }
    }
  }

  /**
   * A link with {@code latency} each way; a closed member is noticed by the other after {@code
   * detection}.
   */
  public static Link link(Duration latency, Duration detection) {
    if (latency.isNegative() || detection.isNegative()) {
      throw new IllegalArgumentException("latency and detection must not be negative");
    }
    return new Link(latency, detection);
  }

  private final Link link;
  private volatile Role role;
  private InMemoryReplicator other;
  private volatile Listener listener;
  private volatile boolean closed;

  private InMemoryReplicator(Link link, Role role) {
    this.link = link;
    this.role = role;
  }

  @Override
  public Role role() {
    return role;
  }

  @Override
  public void start(Listener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    if (other.listener != null && !other.closed) {
      // The active learns that its standby is there once both listen.
      InMemoryReplicator active = role == Role.ACTIVE ? this : other;
      InMemoryReplicator standby = active == this ? other : this;
      standby.send(active, Listener::standbyJoined);
    }
  }

  /** Hands {@code call} to {@code target}'s listener after the latency, unless a side closed. */
  private void send(InMemoryReplicator target, Consumer<Listener> call) {
    if (closed) {
      return;
    }
    link.carry(
        link.latencyNanos,
        () -> {
          Listener l = target.listener;
          if (!closed && !target.closed && l != null) {
            call.accept(l);
          }
        });
  }

  @Override
  public void sendRecord(int associationId, long sequence, byte[] blob) {
    send(other, l -> l.record(blob));
  }

  @Override
  public void sendEndpoint(byte[] blob) {
    send(other, l -> l.endpoint(blob));
  }

  @Override
  public void acknowledge(int associationId, long upTo) {
    send(other, l -> l.stored(associationId, upTo));
  }

  @Override
  public void requestSnapshot(int associationId) {
    send(other, l -> l.snapshotRequested(associationId));
  }

  /**
   * This member dies: nothing more leaves it, what it had on the way is dropped, and the other
   * member learns it after the link's detection time (the standby takes over).
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    InMemoryReplicator peer = other;
    link.carry(
        link.detectionNanos,
        () -> {
          Listener l = peer.listener;
          if (peer.closed) {
            return;
          }
          if (peer.role == Role.STANDBY) {
            peer.role = Role.ACTIVE;
            if (l != null) {
              l.activeGone();
            }
          } else if (l != null) {
            l.standbyLeft();
          }
        });
  }
}
