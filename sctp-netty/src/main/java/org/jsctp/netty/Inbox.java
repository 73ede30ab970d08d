package org.jsctp.netty;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.jsctp.api.MessageReceived;
import org.jsctp.util.LogThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a channel has received and the application has not read yet: message pieces and
 * notifications, in arrival order. Filled on the event loop, read by receive calls on any thread.
 *
 * <p>Bounded: messages count against their association's receive window until read (the core's
 * window closes when the application stops reading), and notifications without data (address
 * changes, peer errors, sender dry) are dropped beyond {@link #MAX_NOTIFICATIONS}, with a warning
 * at most once a minute per endpoint.
 */
final class Inbox {

  private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

  /** Queued notifications beyond which droppable ones are dropped. */
  static final int MAX_NOTIFICATIONS = 1024;

  /** One queued item. */
  abstract static sealed class Item permits Delivery, Note {
    final AssociationHandle handle;

    Item(AssociationHandle handle) {
      this.handle = handle;
    }
  }

  /** A message or piece of one; {@code offset} bytes of it were read already. */
  static final class Delivery extends Item {
    final MessageReceived message;
    int offset;

    Delivery(AssociationHandle handle, MessageReceived message) {
      super(handle);
      this.message = message;
    }
  }

  /** A notification. */
  static final class Note extends Item {
    final Notification notification;

    Note(AssociationHandle handle, Notification notification) {
      super(handle);
      this.notification = notification;
    }
  }

  /** What one poll found. */
  record Polled(MessageInfo info, Notification notification, AssociationHandle handle, int bytes) {
    static final Polled END = new Polled(null, null, null, -1);
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Item> items = new ArrayDeque<>();
  private final boolean endsWithAssociation;
  private int notes;
  private boolean ended;
  private boolean closed;
  private Runnable waiter;

  /**
   * @param endsWithAssociation true for a one-to-one channel: once its association ended and
   *     everything was read, receives return end of stream
   */
  Inbox(boolean endsWithAssociation) {
    this.endsWithAssociation = endsWithAssociation;
  }

  // ---- filling (event loop) ---------------------------------------------------------------

  /** Queues a message; once the inbox is closed, acknowledges and drops it, as a closed socket. */
  void deliver(AssociationHandle handle, MessageReceived message) {
    if (!add(new Delivery(handle, message))) {
      handle.consumed(message.data().length());
    }
  }

  void notify(AssociationHandle handle, Notification notification) {
    lock.lock();
    try {
      if (notes >= MAX_NOTIFICATIONS && droppable(notification)) {
        // A peer sets the pace of these: one line a minute per endpoint.
        LogThrottle throttle = handle.runtime.droppedNotificationsLog;
        if (LOG.isWarnEnabled() && throttle.allow(handle.runtime.now())) {
          LOG.warn(
              "{} notifications unread; dropping {} ({} more dropped since the last line; read"
                  + " them, or switch them off with SCTP_EVENTS)",
              notes,
              notification.getClass().getSimpleName(),
              throttle.takeSuppressed());
        }
        return;
      }
      notes++;
    } finally {
      lock.unlock();
    }
    add(new Note(handle, notification));
  }

  private static boolean droppable(Notification n) {
    return n instanceof PeerAddressChangeNotification
        || n instanceof RemoteErrorNotification
        || n instanceof SenderDryNotification
        || n instanceof AuthenticationNotification;
  }

  /** Queues an item; false when the inbox is closed (the item is dropped). */
  private boolean add(Item item) {
    Runnable w;
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      items.addLast(item);
      w = wakeLocked();
    } finally {
      lock.unlock();
    }
    run(w);
    return true;
  }

  /** One-to-one: the association ended; after the last item, receives return end of stream. */
  void markEnded() {
    Runnable w;
    lock.lock();
    try {
      ended = true;
      w = wakeLocked();
    } finally {
      lock.unlock();
    }
    run(w);
  }

  /**
   * Wakes the blocked receives and hands back the asynchronous one waiting, to be run once the lock
   * is released.
   */
  private Runnable wakeLocked() {
    changed.signalAll();
    Runnable w = waiter;
    waiter = null;
    return w;
  }

  private static void run(Runnable waiter) {
    if (waiter != null) {
      waiter.run();
    }
  }

  /** Moves every item of {@code handle} to {@code target}, in order (branching off). */
  void moveTo(Inbox target, AssociationHandle handle) {
    List<Item> moved = new ArrayList<>();
    lock.lock();
    try {
      for (Iterator<Item> it = items.iterator(); it.hasNext(); ) {
        Item item = it.next();
        if (item.handle == handle) {
          it.remove();
          moved.add(item);
          if (item instanceof Note) {
            notes--;
          }
        }
      }
    } finally {
      lock.unlock();
    }
    for (Item item : moved) {
      if (item instanceof Note n) {
        target.notify(handle, n.notification);
      } else {
        target.add(item);
      }
    }
  }

  /**
   * Closes the inbox: waiting receives wake up and fail, later items are dropped.
   *
   * @return the unread bytes per association, so that the caller can tell whether data was lost
   */
  long close() {
    Runnable w;
    long unread = 0;
    lock.lock();
    try {
      closed = true;
      for (Item item : items) {
        if (item instanceof Delivery d) {
          unread += d.message.data().length() - d.offset;
        }
      }
      items.clear();
      notes = 0;
      w = wakeLocked();
    } finally {
      lock.unlock();
    }
    run(w);
    return unread;
  }

  boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /** The associations with unread message bytes. */
  java.util.Set<AssociationHandle> unreadHandles() {
    lock.lock();
    try {
      java.util.Set<AssociationHandle> set = new java.util.HashSet<>();
      for (Item item : items) {
        if (item instanceof Delivery) {
          set.add(item.handle);
        }
      }
      return set;
    } finally {
      lock.unlock();
    }
  }

  // ---- reading (any thread) -----------------------------------------------------------------

  /**
   * Takes the first item whose association {@code accept} takes: a notification is removed and
   * returned; message bytes are copied into {@code dst} (all of the piece, or as much as fits) and
   * described by a MessageInfo. Returns {@link Polled#END} at the end of the stream, null when
   * nothing is there (check {@link #isClosed()} then). The caller reports consumed bytes to the
   * association.
   */
  Polled poll(ByteBuffer dst, Predicate<AssociationHandle> accept) {
    lock.lock();
    try {
      return pollLocked(dst, accept);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Like {@link #poll} but waits up to {@code nanos} (forever when negative) for an item. Returns
   * null on timeout or when the inbox is closed.
   */
  Polled take(ByteBuffer dst, Predicate<AssociationHandle> accept, long nanos)
      throws InterruptedException {
    lock.lockInterruptibly();
    try {
      long left = nanos;
      while (true) {
        if (closed) {
          return null;
        }
        Polled p = pollLocked(dst, accept);
        if (p != null) {
          return p;
        }
        if (nanos < 0) {
          changed.await();
        } else {
          if (left <= 0) {
            return null;
          }
          left = changed.awaitNanos(left);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Registers {@code w} to run (on the filling thread, outside the lock) when something arrives,
   * unless something matching is there already; returns false in that case.
   */
  boolean await(Predicate<AssociationHandle> accept, Runnable w) {
    lock.lock();
    try {
      if (closed || hasMatch(accept)) {
        return false;
      }
      waiter = w;
      return true;
    } finally {
      lock.unlock();
    }
  }

  private boolean hasMatch(Predicate<AssociationHandle> accept) {
    for (Item item : items) {
      if (accept.test(item.handle)) {
        return true;
      }
    }
    return endsWithAssociation && ended;
  }

  private Polled pollLocked(ByteBuffer dst, Predicate<AssociationHandle> accept) {
    for (Iterator<Item> it = items.iterator(); it.hasNext(); ) {
      Item item = it.next();
      if (!accept.test(item.handle)) {
        continue;
      }
      if (item instanceof Note n) {
        it.remove();
        notes--;
        return new Polled(null, n.notification, n.handle, 0);
      }
      Delivery d = (Delivery) item;
      MessageReceived m = d.message;
      int left = m.data().length() - d.offset;
      int n = Math.min(left, dst.remaining());
      m.data().slice(d.offset, n).writeTo(dst);
      d.offset += n;
      boolean whole = d.offset == m.data().length();
      if (whole) {
        it.remove();
      }
      AssociationHandle h = d.handle;
      MessageInfo info =
          MessageInfo.incoming(
              h.api,
              new InetSocketAddress(m.source(), h.core.peerPort()),
              m.streamId(),
              m.payloadProtocolId(),
              m.unordered(),
              whole && m.complete(),
              n,
              m);
      return new Polled(info, null, h, n);
    }
    if (endsWithAssociation && ended && items.isEmpty()) {
      return Polled.END;
    }
    return null;
  }
}
