package org.jsctp.netty.channel;

import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.sctp.SctpMessage;
import java.util.concurrent.CompletableFuture;
import org.jsctp.netty.HandlerResult;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.Notification;
import org.jsctp.netty.NotificationHandler;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.ShutdownNotification;

/**
 * The inbound side of a {@link JsctpSctpChannel}: jsctp's receives into buffers of the channel's
 * allocator, as {@link SctpMessage}s. A message larger than the buffer comes as several {@code
 * SctpMessage}s whose {@code isComplete()} is false but for the last, as from Netty's NIO channel,
 * so that {@code SctpMessageCompletionHandler} joins them ({@link MessageParts} gathers jsctp's
 * pieces into them).
 *
 * <p>Notifications become {@code com.sun.nio.sctp} user events in order with the messages; as
 * Netty's {@code SctpNotificationHandler} does, the peer's SHUTDOWN closes the channel after its
 * event. The end of the association closes it too.
 */
// RecvByteBufAllocator.Handle, deprecated for ExtendedHandle, is what Channel.Unsafe hands out.
@SuppressWarnings("deprecation")
final class MessageReader extends ReadLoop<MessageInfo> {

  /** The "receive" that hands out what waits behind the part delivered last. */
  private static final MessageInfo READY = MessageInfo.createOutgoing(null, 0);

  private final JsctpSctpChannel channel;
  private final SctpChannel ch;
  private final JdkAssociations associations;
  private final MessageParts parts;

  /** Stops a receive at each notification, so that the event reaches the pipeline in order. */
  private final NotificationHandler<Void> stopAtNotification =
      (n, attachment) -> {
        notification = n;
        return HandlerResult.RETURN;
      };

  /**
   * Set by {@link #stopAtNotification} on the thread completing the receive, read after it (one
   * receive at a time).
   */
  private Notification notification;

  MessageReader(JsctpSctpChannel channel, SctpChannel ch, JdkAssociations associations) {
    super(channel);
    this.channel = channel;
    this.ch = ch;
    this.associations = associations;
    this.parts = new MessageParts(associations);
  }

  @Override
  CompletableFuture<MessageInfo> receive(RecvByteBufAllocator.Handle handle) {
    if (parts.hasReady()) {
      return CompletableFuture.completedFuture(READY);
    }
    return ch.receiveAsync(
        parts.target(handle, channel.config().getAllocator()), null, stopAtNotification);
  }

  @Override
  Object decode(MessageInfo info, RecvByteBufAllocator.Handle handle) {
    if (info == READY) {
      return parts.nextReady();
    }
    if (info == null) {
      Notification n = notification;
      notification = null;
      if (n == null) {
        // A receive that ended on nothing the handler was given: nothing for the pipeline.
        return MORE;
      }
      return parts.interrupt(
          new UserEvent(JdkNotifications.of(n, associations), n instanceof ShutdownNotification),
          handle);
    }
    if (info.bytes() < 0) {
      return parts.interrupt(END, handle);
    }
    return parts.read(info, info.bytes(), handle);
  }

  @Override
  void discard(MessageInfo result) {
    parts.discard();
  }
}
