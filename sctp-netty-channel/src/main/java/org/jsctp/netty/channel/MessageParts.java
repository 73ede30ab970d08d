package org.jsctp.netty.channel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.sctp.SctpMessage;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.jsctp.netty.MessageInfo;

/**
 * Turns the pieces jsctp's receives return into the {@link SctpMessage} parts a Netty SCTP channel
 * delivers. As the kernel fills a receive buffer with what it holds of a message, the pieces of one
 * message (jsctp's partial delivery hands a large message over in pieces) are gathered into one
 * buffer until it is full or the message ends; each part says whether it ends its message. A piece
 * of another message (another stream or ordering: with fragment interleave level 2, messages of
 * different streams interleave), a notification or the end of the association ends the part
 * gathered so far, and comes after it.
 *
 * <p>Buffer ownership: the buffer being filled, and the parts waiting in {@link #nextReady()},
 * belong to this object until they are returned, or freed by {@link #discard()}. Confined to the
 * channel's event loop.
 */
// RecvByteBufAllocator.Handle, deprecated for ExtendedHandle, is what Channel.Unsafe hands out.
@SuppressWarnings("deprecation")
final class MessageParts {

  private final JdkAssociations associations;
  private final ArrayDeque<Object> ready = new ArrayDeque<>(2);

  /**
   * The buffer being filled, or null; its readable bytes are a part of {@link #first}'s message.
   */
  private ByteBuf buffer;

  /**
   * What the first receive of the part in {@link #buffer} returned; null while it holds nothing.
   */
  private MessageInfo first;

  /** The buffer's writer index when the last receive began. */
  private int mark;

  MessageParts(JdkAssociations associations) {
    this.associations = associations;
  }

  /** Whether something waits behind the part returned last. */
  boolean hasReady() {
    return !ready.isEmpty();
  }

  /** What waits behind the part returned last: a part, an event, or {@link ReadLoop#END}. */
  Object nextReady() {
    return ready.poll();
  }

  /**
   * Where the next receive writes: the free end of the buffer being filled, or of a new one from
   * {@code handle}.
   */
  ByteBuffer target(RecvByteBufAllocator.Handle handle, ByteBufAllocator alloc) {
    if (buffer == null) {
      buffer = handle.allocate(alloc);
      handle.attemptedBytesRead(buffer.writableBytes());
    }
    mark = buffer.writerIndex();
    return buffer.nioBuffer(mark, buffer.writableBytes());
  }

  /**
   * A receive wrote {@code bytes} of the message {@code info} describes into the {@link #target}.
   * Returns a part for the pipeline, or {@link ReadLoop#MORE} while the part is still growing.
   */
  Object read(MessageInfo info, int bytes, RecvByteBufAllocator.Handle handle) {
    if (first != null && !sameMessage(first, info)) {
      // The bytes just read begin another message: the part before them goes first.
      ByteBuf gathered = buffer.retainedSlice(buffer.readerIndex(), mark - buffer.readerIndex());
      SctpMessage before = part(gathered, false, handle);
      first = info;
      buffer.readerIndex(mark).writerIndex(mark + bytes);
      if (info.isComplete() || !buffer.isWritable()) {
        ready.add(take(info.isComplete(), handle));
      }
      return before;
    }
    if (first == null) {
      first = info;
    }
    buffer.writerIndex(mark + bytes);
    if (info.isComplete() || !buffer.isWritable()) {
      return take(info.isComplete(), handle);
    }
    return ReadLoop.MORE;
  }

  /**
   * A receive met {@code after} (a notification's event, or the end) instead of data: returns the
   * part gathered so far, with {@code after} waiting behind it, or {@code after} itself.
   */
  Object interrupt(Object after, RecvByteBufAllocator.Handle handle) {
    if (first == null) {
      release();
      return after;
    }
    ready.add(after);
    return take(false, handle);
  }

  /** Frees the buffer and what waits. */
  void discard() {
    release();
    first = null;
    Object o;
    while ((o = ready.poll()) != null) {
      ReferenceCountUtil.release(o);
    }
  }

  /** Pieces of one message: the same stream and ordering (RFC 8260 interleaves per both). */
  private static boolean sameMessage(MessageInfo a, MessageInfo b) {
    return a.streamNumber() == b.streamNumber() && a.isUnordered() == b.isUnordered();
  }

  /** The whole buffer as the part of {@link #first}'s message. */
  private SctpMessage take(boolean complete, RecvByteBufAllocator.Handle handle) {
    ByteBuf b = buffer;
    buffer = null;
    SctpMessage m = part(b, complete, handle);
    first = null;
    return m;
  }

  private SctpMessage part(ByteBuf content, boolean complete, RecvByteBufAllocator.Handle handle) {
    handle.lastBytesRead(content.readableBytes());
    return new SctpMessage(
        JdkMessageInfo.of(
            first, associations.of(first.association()), content.readableBytes(), complete),
        content);
  }

  private void release() {
    ByteBuf b = buffer;
    buffer = null;
    if (b != null) {
      b.release();
    }
  }
}
