package org.jsctp.config;

/**
 * The memory a stack may hold for received data, shared by its associations: each reserves
 * bytes before it takes a DATA chunk and releases them when the application has read them (or
 * they are dropped, or the association ends). A chunk it cannot reserve for is dropped
 * unacknowledged, as for a full window. The bound is {@code rcvbuf_total} (Linux bounds the same
 * with sctp_mem and sctp_rmem).
 *
 * <p>{@link #bounded(long)} is for one thread (one endpoint); a runtime that drives several
 * endpoints on several threads provides a thread-safe implementation.
 */
public interface ReceiveMemory {

  /** Reserves {@code bytes}; false (and nothing reserved) when that would exceed the bound. */
  boolean reserve(long bytes);

  /** Gives back {@code bytes} reserved earlier. */
  void release(long bytes);

  /** Bytes reserved now. */
  long used();

  /** The bound. */
  long limit();

  /** A bound of {@code limit} bytes for one thread. */
  static ReceiveMemory bounded(long limit) {
    return new ReceiveMemory() {
      private long used;

      @Override
      public boolean reserve(long bytes) {
        if (bytes > limit - used) {
          return false;
        }
        used += bytes;
        return true;
      }

      @Override
      public void release(long bytes) {
        used = Math.max(0, used - bytes);
      }

      @Override
      public long used() {
        return used;
      }

      @Override
      public long limit() {
        return limit;
      }
    };
  }
}
