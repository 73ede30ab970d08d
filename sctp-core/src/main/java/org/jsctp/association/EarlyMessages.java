package org.jsctp.association;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.SendOutcome;

/**
 * Messages the application sent before the peer's parameters were known (COOKIE-WAIT), within the
 * send buffer; they move to the TCB's sender when it exists, or are reported if the association
 * never comes up.
 */
final class EarlyMessages {

  private final List<OutgoingMessage> messages = new ArrayList<>();
  private long bytes;

  /** Takes a message if its stream may exist and the send buffer has room. */
  SendOutcome add(OutgoingMessage m, int outboundStreams, long sndbuf) {
    if (m.streamId() < 0 || m.streamId() >= outboundStreams) {
      return SendOutcome.INVALID_STREAM;
    }
    if (bytes > 0 && bytes + m.payload().length() > sndbuf) {
      return SendOutcome.WOULD_BLOCK;
    }
    messages.add(m);
    bytes += m.payload().length();
    return SendOutcome.ACCEPTED;
  }

  /** Puts back messages taken from a sender, ahead of nothing else (the handshake starts over). */
  void addAll(List<OutgoingMessage> taken) {
    for (OutgoingMessage m : taken) {
      messages.add(m);
      bytes += m.payload().length();
    }
  }

  /** Removes and returns every message, oldest first. */
  List<OutgoingMessage> takeAll() {
    List<OutgoingMessage> all = new ArrayList<>(messages);
    messages.clear();
    bytes = 0;
    return all;
  }
}
