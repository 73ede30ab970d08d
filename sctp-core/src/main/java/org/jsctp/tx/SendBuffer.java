package org.jsctp.tx;

import org.jsctp.api.SendBufferAvailable;
import org.jsctp.api.SenderDry;

/**
 * The send buffer's accounting: user data bytes queued or unacknowledged (the buffered amount)
 * against SO_SNDBUF, whether a sender was turned away, and the events that tell the application
 * it may send again (the buffered amount fell to the low-water mark, half the buffer) or that
 * everything it sent was acknowledged (SCTP_SENDER_DRY_EVENT, RFC 6458 section 6.1.9).
 */
final class SendBuffer {

  private final SenderSettings settings;
  private final SenderEnvironment env;
  private long amount;
  private boolean blocked;
  private boolean dryReported = true;

  SendBuffer(SenderSettings settings, SenderEnvironment env) {
    this.settings = settings;
    this.env = env;
  }

  /**
   * Takes {@code length} more bytes unless they overflow the buffer. One message is always
   * taken into an empty buffer, however large.
   */
  boolean admit(int length) {
    long sndbuf = settings.sndbuf();
    if (amount > 0 && amount + length > sndbuf) {
      blocked = true;
      return false;
    }
    amount += length;
    dryReported = false;
    if (amount > sndbuf / 2) {
      blocked = true;
    }
    return true;
  }

  /** Bytes left the buffer: acknowledged, abandoned or taken back. */
  void released(long bytes) {
    amount -= bytes;
  }

  /** Whether a sender was refused, or the buffer is above the low-water mark since it was. */
  boolean blocked() {
    return blocked;
  }

  long amount() {
    return amount;
  }

  /** SO_SNDBUF as it stands. */
  long limit() {
    return settings.sndbuf();
  }

  /** After bytes left: the events the application waits for. */
  void afterAcknowledgement(boolean senderIdle) {
    if (blocked && amount <= settings.sndbuf() / 2) {
      blocked = false;
      env.emit(new SendBufferAvailable(env.associationId(), amount));
    }
    if (!dryReported && senderIdle) {
      dryReported = true;
      env.emit(new SenderDry(env.associationId()));
    }
  }

  /** A standby took over {@code bytes} queued or unacknowledged (docs/ha.md). */
  void restore(long bytes) {
    amount = bytes;
    dryReported = bytes == 0;
  }

  /** The association ends: nothing is buffered any more. */
  void clear() {
    amount = 0;
    dryReported = true;
  }
}
