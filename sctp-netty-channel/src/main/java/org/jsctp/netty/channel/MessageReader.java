package org.jsctp.netty.channel;

import io.netty.buffer.ByteBuf;
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
 * so that {@code SctpMessageCompletionHandler} joins them; the parts of one message are never
 * interleaved with other messages. As the kernel fills a receive buffer with what it holds of a
 * message, the pieces in which jsctp delivers a large message (partial delivery) are gathered into
 * one buffer until it is full or the message ends; a notification or the end of the association
 * met meanwhile comes after the part gathered so far.
 *
 * <p>Notifications become {@code com.sun.nio.sctp} user events; as Netty's {@code
 * SctpNotificationHandler} does, the peer's SHUTDOWN closes the channel after its event. The end of
 * the association closes it too.
 *
 * <p>Buffer ownership: the buffer being filled belongs to this reader until it becomes the content
 * of an {@code SctpMessage} handed to the pipeline, or is released.
 */
// RecvByteBufAllocator.Handle, deprecated for ExtendedHandle, is what Channel.Unsafe hands out.
@SuppressWarnings("deprecation")
final class MessageReader extends ReadLoop<MessageInfo> {

  private final JsctpSctpChannel channel;
  private final SctpChannel ch;
  private final JdkAssociations associations;

  /** Stops a receive at each notification, so that the event reaches the pipeline in order. */
  private final NotificationHandler<Void> stopAtNotification =
      (n, attachment) -> {
        notification = n;
        return HandlerResult.RETURN;
      };

  /** The buffer being filled, or null; holds {@link #gathered} bytes of one message. */
  private ByteBuf buffer;

  /** What the first receive into {@link #buffer} returned, or null when it holds nothing yet. */
  private MessageInfo first;

  /**
   * A notification met after a part was gathered: delivered by the next receive. Set by {@link
   * #stopAtNotification} on the thread completing the receive, read after it.
   */
  private Notification notification;

  /** The end of the association was met after a part was gathered: delivered next. */
  private boolean ended;

  MessageReader(JsctpSctpChannel channel, SctpChannel ch, JdkAssociations associations) {
    super(channel);
    this.channel = channel;
    this.ch = ch;
    this.associations = associations;
  }

  @Override
  CompletableFuture<MessageInfo> receive(RecvByteBufAllocator.Handle handle) {
    if (notification != null || ended) {
      // What was met after the part delivered last: decode takes it from here.
      return CompletableFuture.completedFuture(null);
    }
    if (buffer == null) {
      buffer = handle.allocate(channel.config().getAllocator());
      handle.attemptedBytesRead(buffer.writableBytes());
    }
    ByteBuf b = buffer;
    return ch.receiveAsync(b.nioBuffer(b.writerIndex(), b.writableBytes()), null, stopAtNotification);
  }

  @Override
  Object decode(MessageInfo info, RecvByteBufAllocator.Handle handle) {
    if (info == null || info.bytes() < 0) {
      if (info != null) {
        ended = true;
      }
      if (first != null) {
        return part(handle, false);
      }
      release();
      if (notification != null) {
        Notification n = notification;
        notification = null;
        return new UserEvent(
            JdkNotifications.of(n, associations), n instanceof ShutdownNotification);
      }
      ended = false;
      return END;
    }
    if (first == null) {
      first = info;
    }
    buffer.writerIndex(buffer.writerIndex() + info.bytes());
    if (info.isComplete() || !buffer.isWritable()) {
      return part(handle, info.isComplete());
    }
    return MORE;
  }

  /** The gathered bytes as one SctpMessage. */
  private SctpMessage part(RecvByteBufAllocator.Handle handle, boolean complete) {
    ByteBuf b = buffer;
    MessageInfo info = first;
    buffer = null;
    first = null;
    handle.lastBytesRead(b.readableBytes());
    return new SctpMessage(
        JdkMessageInfo.of(info, associations.of(info.association()), b.readableBytes(), complete),
        b);
  }

  @Override
  void discard(MessageInfo result) {
    release();
    first = null;
  }

  private void release() {
    ByteBuf b = buffer;
    buffer = null;
    if (b != null) {
      b.release();
    }
  }
}
