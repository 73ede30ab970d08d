package org.jsctp.netty.channel;

import io.netty.channel.RecvByteBufAllocator;
import java.util.concurrent.CompletableFuture;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpServerChannel;

/**
 * The inbound side of a {@link JsctpSctpServerChannel}: jsctp's accepted associations as {@link
 * JsctpSctpChannel}s for the pipeline (where {@code ServerBootstrap} registers them on the child
 * group). Associations not accepted yet wait in jsctp, up to the backlog.
 */
// RecvByteBufAllocator.Handle, deprecated for ExtendedHandle, is what Channel.Unsafe hands out.
@SuppressWarnings("deprecation")
final class Acceptor extends ReadLoop<SctpChannel> {

  private final JsctpSctpServerChannel server;
  private final SctpServerChannel ch;

  Acceptor(JsctpSctpServerChannel server, SctpServerChannel ch) {
    super(server);
    this.server = server;
    this.ch = ch;
  }

  @Override
  CompletableFuture<SctpChannel> receive(RecvByteBufAllocator.Handle handle) {
    return ch.acceptAsync();
  }

  @Override
  Object decode(SctpChannel accepted, RecvByteBufAllocator.Handle handle) {
    return new JsctpSctpChannel(server, accepted);
  }

  @Override
  void discard(SctpChannel accepted) {
    if (accepted != null) {
      accepted.closeAsync();
    }
  }
}
