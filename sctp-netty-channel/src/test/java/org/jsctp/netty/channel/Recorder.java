package org.jsctp.netty.channel;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Keeps the user events of a channel, and lets a test wait for one. */
@Sharable
final class Recorder extends ChannelInboundHandlerAdapter {

  final List<Object> events = new CopyOnWriteArrayList<>();
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

  private record Waiter(Predicate<Object> match, CompletableFuture<Object> found) {}

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    events.add(evt);
    for (Waiter w : waiters) {
      if (w.match.test(evt)) {
        w.found.complete(evt);
      }
    }
    ctx.fireUserEventTriggered(evt);
  }

  /** The first event that matches, waiting up to 10 s for it. */
  @SuppressWarnings("unchecked")
  <T> T await(Class<T> type, Predicate<T> match) throws Exception {
    Predicate<Object> p = e -> type.isInstance(e) && match.test((T) e);
    CompletableFuture<Object> f = new CompletableFuture<>();
    waiters.add(new Waiter(p, f));
    for (Object e : events) {
      if (p.test(e)) {
        f.complete(e);
      }
    }
    return (T) f.get(10, TimeUnit.SECONDS);
  }
}
