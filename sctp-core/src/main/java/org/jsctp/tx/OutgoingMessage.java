package org.jsctp.tx;

import org.jsctp.wire.Bytes;

/**
 * One user message waiting to be sent, and how far it has been cut into DATA chunks. Fragments
 * are cut as packets are built, so their size follows the smallest path MTU at that time; once
 * a fragment has a TSN it never changes (RFC 9260 section 6.9: no refragmentation).
 */
public final class OutgoingMessage {

  private final int streamId;
  private final int payloadProtocolId;
  private final boolean unordered;
  private final boolean sackImmediately;
  private final Bytes payload;
  private final long context;
  private final long expiresAt;
  private int offset;
  private int streamSequenceNumber = -1;

  /**
   * @param expiresAt the time after which an unsent message is abandoned and reported, or {@link
   *     Long#MAX_VALUE}
   */
  public OutgoingMessage(
      int streamId,
      int payloadProtocolId,
      boolean unordered,
      boolean sackImmediately,
      Bytes payload,
      long context,
      long expiresAt) {
    this.streamId = streamId;
    this.payloadProtocolId = payloadProtocolId;
    this.unordered = unordered;
    this.sackImmediately = sackImmediately;
    this.payload = payload;
    this.context = context;
    this.expiresAt = expiresAt;
  }

  public int streamId() {
    return streamId;
  }

  public int payloadProtocolId() {
    return payloadProtocolId;
  }

  public boolean unordered() {
    return unordered;
  }

  public boolean sackImmediately() {
    return sackImmediately;
  }

  public Bytes payload() {
    return payload;
  }

  public long context() {
    return context;
  }

  public long expiresAt() {
    return expiresAt;
  }

  /** Bytes already cut into DATA chunks. */
  public int offset() {
    return offset;
  }

  public int remaining() {
    return payload.length() - offset;
  }

  public boolean started() {
    return offset > 0 || (payload.length() == 0 && streamSequenceNumber >= 0);
  }

  void advance(int bytes) {
    offset += bytes;
  }

  public int streamSequenceNumber() {
    return streamSequenceNumber;
  }

  void assignStreamSequenceNumber(int ssn) {
    this.streamSequenceNumber = ssn;
  }

  /** The part not yet cut into chunks, for a SEND_FAILED report. */
  public Bytes unsentPart() {
    return payload.slice(offset, payload.length() - offset);
  }
}
