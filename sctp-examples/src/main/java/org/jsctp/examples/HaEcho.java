package org.jsctp.examples;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jsctp.netty.Association;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpServerChannel;

/**
 * The application side of an echo server with standby takeover (docs/ha.md): each association a
 * server channel accepts (the active's new ones, or those a standby took over) gets a thread that
 * echoes every message back on its stream with its PPID and ordering, confirming the request with
 * its reply ({@link MessageInfo#confirming}) so that a takeover neither loses nor repeats an
 * echo. Messages flagged {@link MessageInfo#possiblyDuplicate()} are counted.
 */
final class HaEcho {

  private final SctpServerChannel server;
  private final Consumer<String> events;
  private final AtomicLong echoed = new AtomicLong();
  private final AtomicLong flagged = new AtomicLong();

  /** @param events where "accepted" and "ended" lines go */
  HaEcho(SctpServerChannel server, Consumer<String> events) {
    this.server = server;
    this.events = events;
  }

  /** Accepts on a daemon thread until the server channel closes. */
  void start(String threadName) {
    Thread t = new Thread(this::acceptLoop, threadName);
    t.setDaemon(true);
    t.start();
  }

  long echoed() {
    return echoed.get();
  }

  long flagged() {
    return flagged.get();
  }

  private void acceptLoop() {
    while (server.isOpen()) {
      SctpChannel ch;
      try {
        ch = server.accept();
      } catch (IOException e) {
        return;
      }
      Thread t = new Thread(() -> echo(ch), "ha-echo");
      t.setDaemon(true);
      t.start();
    }
  }

  private void echo(SctpChannel ch) {
    ByteBuffer buf = ByteBuffer.allocate(1 << 20);
    int id = -1;
    try {
      Association a = ch.association();
      id = a == null ? -1 : a.associationID();
      events.accept("accepted association " + id);
      while (true) {
        MessageInfo info = ch.receive(buf, null, null);
        if (info == null) {
          continue;
        }
        if (info.bytes() < 0) {
          break;
        }
        if (info.possiblyDuplicate()) {
          flagged.incrementAndGet();
        }
        if (!info.isComplete()) {
          if (!buf.hasRemaining()) {
            throw new IOException("message larger than " + buf.capacity() + " bytes");
          }
          continue;
        }
        buf.flip();
        ch.send(
            buf,
            MessageInfo.createOutgoing(null, info.streamNumber())
                .payloadProtocolID(info.payloadProtocolID())
                .unordered(info.isUnordered())
                .confirming(info));
        buf.clear();
        echoed.incrementAndGet();
      }
    } catch (IOException | RuntimeException e) {
      // the association or the stack ended
    } finally {
      events.accept(
          "association " + id + " ended: echoed " + echoed.get() + ", flagged " + flagged.get());
      try {
        ch.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
