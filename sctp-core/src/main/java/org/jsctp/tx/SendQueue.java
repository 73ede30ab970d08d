package org.jsctp.tx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.util.SerialNumbers;

/**
 * User messages accepted but not yet fully cut into DATA chunks, first come first served across
 * streams, with the next SSN of every outbound stream (RFC 9260 section 6.5).
 */
public final class SendQueue {

  private final ArrayDeque<OutgoingMessage> messages = new ArrayDeque<>();
  private long bytes;
  private char[] nextSsn = new char[0];
  private int streams;

  /** Sets the number of outbound streams once negotiated. */
  public void setStreamCount(int streams) {
    this.streams = streams;
    if (nextSsn.length < streams) {
      char[] bigger = new char[streams];
      System.arraycopy(nextSsn, 0, bigger, 0, nextSsn.length);
      nextSsn = bigger;
    }
  }

  public int streamCount() {
    return streams;
  }

  public void add(OutgoingMessage message) {
    messages.addLast(message);
    bytes += message.remaining();
  }

  public OutgoingMessage peek() {
    return messages.peekFirst();
  }

  /** The message after the head, or null. */
  public OutgoingMessage peekSecond() {
    if (messages.size() < 2) {
      return null;
    }
    var it = messages.iterator();
    it.next();
    return it.next();
  }

  /** Removes the head message (fully cut, or abandoned). */
  public OutgoingMessage poll() {
    OutgoingMessage m = messages.pollFirst();
    if (m != null) {
      bytes -= m.remaining();
    }
    return m;
  }

  /** Records that {@code length} bytes of the head message were cut into a chunk. */
  void consumed(OutgoingMessage message, int length) {
    message.advance(length);
    bytes -= length;
  }

  /** Assigns the next SSN of the message's stream, wrapping 65535 to 0. */
  int takeSsn(int streamId) {
    int ssn = nextSsn[streamId];
    nextSsn[streamId] = (char) SerialNumbers.next16(ssn);
    return ssn;
  }

  /** Bytes not yet cut into chunks. */
  public long bytes() {
    return bytes;
  }

  public int size() {
    return messages.size();
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }

  /** Removes every message, for SEND_FAILED reports when the association ends. */
  public List<OutgoingMessage> drain() {
    List<OutgoingMessage> all = new ArrayList<>(messages);
    messages.clear();
    bytes = 0;
    return all;
  }

  /** Resets every stream's SSN to 0 (after a peer restart). */
  public void resetSequenceNumbers() {
    java.util.Arrays.fill(nextSsn, (char) 0);
  }
}
