package org.jsctp.netty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The parts of messages sent with {@link SctpStandardSocketOptions#SCTP_EXPLICIT_COMPLETE} and not
 * completed yet, per stream. Bounded by the send buffer: a message under construction may not grow
 * beyond it.
 */
final class MessageStaging {

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<Integer, ByteArrayOutputStream> parts = new HashMap<>();

  /**
   * Adds {@code data} to the stream's message; returns the whole message when {@code complete},
   * else null.
   *
   * @throws IOException when the message would exceed {@code limit} bytes
   */
  byte[] add(int stream, byte[] data, boolean complete, long limit) throws IOException {
    lock.lock();
    try {
      return addLocked(stream, data, complete, limit);
    } finally {
      lock.unlock();
    }
  }

  private byte[] addLocked(int stream, byte[] data, boolean complete, long limit)
      throws IOException {
    ByteArrayOutputStream part = parts.get(stream);
    if (part == null) {
      if (complete) {
        return data;
      }
      part = new ByteArrayOutputStream();
      parts.put(stream, part);
    }
    if ((long) part.size() + data.length > limit) {
      parts.remove(stream);
      throw new IOException(
          "message under construction on stream "
              + stream
              + " exceeds SO_SNDBUF ("
              + limit
              + " bytes); its parts were discarded");
    }
    part.write(data, 0, data.length);
    if (!complete) {
      return null;
    }
    parts.remove(stream);
    return part.toByteArray();
  }
}
