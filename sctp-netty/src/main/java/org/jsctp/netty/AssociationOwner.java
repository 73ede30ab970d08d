package org.jsctp.netty;

import org.jsctp.api.MessageReceived;
import org.slf4j.LoggerFactory;

/**
 * The channel an association reports to: a one-to-one channel, or a one-to-many channel for all of
 * its associations. Called on the endpoint's event loop only; implementations must not block.
 */
interface AssociationOwner {

  /** A message, or a piece of one, arrived. Never dropped: unread data closes the window. */
  void deliver(AssociationHandle handle, MessageReceived message);

  /** A notification; the owner decides with its SCTP_EVENTS subscription whether to queue it. */
  void notify(AssociationHandle handle, Notification notification);

  /** The association came up (COMM_UP). */
  void up(AssociationHandle handle);

  /** The association ended; nothing more will arrive for it. */
  void ended(AssociationHandle handle);

  /** The association's buffered amount fell to its low-water mark: senders may go on. */
  void bufferedAmountLow(AssociationHandle handle);

  /**
   * Runs the application's buffered-amount-low listener on the event loop: what it throws is
   * logged, and never reaches the loop.
   */
  static void runListener(Runnable listener) {
    try {
      listener.run();
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(AssociationOwner.class)
          .warn("buffered-amount-low listener failed", e);
    }
  }

  /** The owner of associations being refused: drops everything. */
  AssociationOwner DISCARD =
      new AssociationOwner() {
        @Override
        public void deliver(AssociationHandle handle, MessageReceived message) {}

        @Override
        public void notify(AssociationHandle handle, Notification notification) {}

        @Override
        public void up(AssociationHandle handle) {}

        @Override
        public void ended(AssociationHandle handle) {}

        @Override
        public void bufferedAmountLow(AssociationHandle handle) {}
      };
}
