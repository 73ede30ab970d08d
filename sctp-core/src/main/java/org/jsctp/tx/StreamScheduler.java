package org.jsctp.tx;

/**
 * Chooses which outbound stream's head message is cut into chunks next (RFC 8260 section 3 calls
 * this the stream scheduler; RFC 6458 section 8.1.34 SCTP_STREAM_SCHEDULER selects one). The send
 * queue keeps one queue of messages per stream and tells the scheduler when a stream gets a
 * message and when its head message is done (fully cut into chunks, or abandoned). A scheduler
 * only orders streams; it never looks into messages.
 *
 * <p>Without I-DATA, the fragments of one message go out before anything else, so a scheduler is
 * asked for a new stream only after the previous head message is done.
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

  /** The stream whose head message would go after the current one is done, or -1. */
  int afterNext();

  /** Forgets every stream (the queue was drained). */
  void clear();
}
