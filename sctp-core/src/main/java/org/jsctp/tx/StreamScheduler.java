package org.jsctp.tx;

/**
 * Chooses the outbound stream whose head message is cut into the next chunk (RFC 8260 section 3).
 * The {@link SendQueue} keeps one queue of messages per stream and tells the scheduler when a
 * stream gets a message, when its head message is done (fully cut into chunks, or abandoned),
 * when a chunk was cut and when a new packet starts. A scheduler only orders streams; it never
 * looks into messages. Its answer may change only through these calls.
 *
 * <p>Without I-DATA the fragments of one message go out before anything else: the send queue then
 * asks for a stream only when no message is under way.
 */
interface StreamScheduler {

  /** A message was queued on {@code stream}. */
  void enqueued(int stream);

  /** The head message of {@code stream} is done; the stream holds one message fewer. */
  void dequeued(int stream);

  /**
   * The message at position {@code index} of {@code stream}'s queue was taken out before its turn
   * (abandoned unsent, PR-SCTP); the stream holds one message fewer.
   */
  void removed(int stream, int index);

  /** The stream whose head message goes next, or -1 when every stream is empty. */
  int next();

  /** A chunk with {@code bytes} of user data was cut from the head message of {@code stream}. */
  default void sent(int stream, int bytes) {}

  /** A new packet is being filled (for the per-packet round robin). */
  default void packetStarted() {}

  /**
   * Sets the SCTP_STREAM_SCHEDULER_VALUE of {@code stream} (priority or weight), 0..65535;
   * schedulers without a per-stream value ignore it.
   *
   * @throws IllegalArgumentException when {@link #acceptsValue} refuses the value
   */
  default void setValue(int stream, int value) {}

  /** Whether {@link #setValue} takes {@code value} (of 0..65535). */
  default boolean acceptsValue(int value) {
    return true;
  }

  /** The value of {@code stream}, or 0 for schedulers without one. */
  default int value(int stream) {
    return 0;
  }

  /** Forgets every queued message (the queue was drained); per-stream values stay. */
  void clear();
}
