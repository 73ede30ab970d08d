package org.jsctp.tx;

import org.jsctp.api.OutgoingMessage;
import org.jsctp.wire.Bytes;

/**
 * A user message in the send queue, and how far it has been cut into DATA chunks. Fragments are
 * cut as packets are built, so their size follows the smallest path MTU at that time; once a
 * fragment has a TSN it never changes (RFC 9260 section 6.9: no refragmentation).
 */
final class QueuedMessage {

  final OutgoingMessage message;
  private int offset;
  private int streamSequenceNumber = -1;
  /** Abandoned (PR-SCTP, or its lifetime ended unsent) and reported to the application. */
  boolean abandoned;

  QueuedMessage(OutgoingMessage message) {
    this.message = message;
  }

  int streamId() {
    return message.streamId();
  }

  int payloadProtocolId() {
    return message.payloadProtocolId();
  }

  boolean unordered() {
    return message.unordered();
  }

  boolean sackImmediately() {
    return message.sackImmediately();
  }

  Bytes payload() {
    return message.payload();
  }

  long context() {
    return message.context();
  }

  long expiresAt() {
    return message.expiresAt();
  }

  /** Bytes already cut into DATA chunks. */
  int offset() {
    return offset;
  }

  int remaining() {
    return message.payload().length() - offset;
  }

  boolean started() {
    return offset > 0 || (message.payload().length() == 0 && streamSequenceNumber >= 0);
  }

  void advance(int bytes) {
    offset += bytes;
  }

  int streamSequenceNumber() {
    return streamSequenceNumber;
  }

  void assignStreamSequenceNumber(int ssn) {
    this.streamSequenceNumber = ssn;
  }

  /** The part not yet cut into chunks, for a SEND_FAILED report. */
  Bytes unsentPart() {
    Bytes payload = message.payload();
    return payload.slice(offset, payload.length() - offset);
  }
}
