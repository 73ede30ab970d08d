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
  private boolean numbered;
  private int messageId;
  private int fragments;
  /** Its place in the order messages were queued, for handing back unsent ones in that order. */
  long arrival;
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
    return fragments > 0;
  }

  /** Records that the next fragment, of {@code bytes}, was cut. */
  void advance(int bytes) {
    offset += bytes;
    fragments++;
  }

  /** The fragment sequence number the next fragment gets (RFC 8260 section 2.1; 0 for the first). */
  int nextFragmentSequence() {
    return fragments;
  }

  /**
   * The SSN (DATA: 16 bits, 0 when unordered) or MID (I-DATA: 32 bits, ordered and unordered
   * counted apart) that all fragments carry; assigned with the first fragment.
   */
  int messageId() {
    return messageId;
  }

  boolean numbered() {
    return numbered;
  }

  void assignMessageId(int id) {
    this.messageId = id;
    this.numbered = true;
  }

  /**
   * Puts back the progress of a replicated message (a standby taking over): {@code offset} bytes
   * in {@code fragments} chunks cut, its SSN or MID when {@code numbered}, and its place {@code
   * arrival} in the order messages were queued.
   */
  void restore(int offset, int fragments, boolean numbered, int messageId, boolean abandoned,
      long arrival) {
    this.offset = offset;
    this.fragments = fragments;
    this.numbered = numbered;
    this.messageId = messageId;
    this.abandoned = abandoned;
    this.arrival = arrival;
  }

  /** The number of chunks already cut. */
  int fragments() {
    return fragments;
  }

  /** The part not yet cut into chunks, for a SEND_FAILED report. */
  Bytes unsentPart() {
    Bytes payload = message.payload();
    return payload.slice(offset, payload.length() - offset);
  }
}
