package org.jsctp.rx;

import org.jsctp.timer.Timer;
import org.jsctp.timer.TimerKind;

/**
 * When the receiver acknowledges: at once or after the delayed-SACK timer (RFC 9260 sections 6.2
 * and 6.7), and when the window opened enough to be worth a window update (section 6.2,
 * receiver silly window syndrome avoidance).
 */
final class SackTiming {

  private final Timer delayed = new Timer(TimerKind.DELAYED_SACK);
  private int packetsSinceSack;
  private boolean now;
  private boolean firstDataSeen;
  private boolean hadGaps;
  private boolean packetHadDuplicate;
  private boolean droppedSinceSack;
  private boolean packetHadData;
  private boolean answerAwaited;
  private long lastAdvertisedRwnd;

  SackTiming(long initialWindow) {
    this.lastAdvertisedRwnd = initialWindow;
  }

  void dataArrived() {
    packetHadData = true;
  }

  void duplicateArrived() {
    packetHadDuplicate = true;
  }

  /** A SACK is due at once (an I bit, a FORWARD-TSN, a TSN restart, replicated data). */
  void immediately() {
    now = true;
  }

  /** A chunk was dropped or a held TSN given up: section 6.2 wants a SACK at once. */
  void dropped() {
    now = true;
    droppedSinceSack = true;
  }

  /** Data of ours went out: what arrives once all of it is acknowledged may be the answer. */
  void ownDataSent() {
    answerAwaited = true;
  }

  /** A restored receiver acknowledges as one that has seen data. */
  void dataSeenBefore() {
    firstDataSeen = true;
  }

  boolean dataSeen() {
    return firstDataSeen;
  }

  /**
   * The end of a packet: the first DATA, gaps (or their end), duplicates and every
   * {@code sackFrequency}th packet are acknowledged at once, the rest after the delay
   * (RFC 9260 section 6.2). So is the first DATA that arrives once everything we sent is
   * acknowledged and nothing of ours waits ({@code senderIdle}): the peer's answer. A peer whose
   * Nagle-like delay (section 6.1) holds the rest of its answer until this part is acknowledged
   * would otherwise wait for our next message, and a request-response pipeline that fell one
   * message behind once (a late request, a slow start) would stay behind for good. Section 6.2
   * allows acknowledging sooner than the delay; it costs a SACK of its own only when our next
   * message does not follow within the same read.
   */
  void endOfPacket(long nowNanos, boolean gaps, int sackFrequency, long delayNanos,
      boolean senderIdle) {
    if (!packetHadData) {
      return;
    }
    packetHadData = false;
    packetsSinceSack++;
    if (!firstDataSeen) {
      firstDataSeen = true;
      now = true;
    }
    if (senderIdle && answerAwaited) {
      answerAwaited = false;
      now = true;
    }
    if (gaps || hadGaps || packetHadDuplicate || packetsSinceSack >= Math.max(1, sackFrequency)) {
      now = true;
    }
    hadGaps = gaps;
    packetHadDuplicate = false;
    if (!now) {
      delayed.startIfStopped(nowNanos, delayNanos);
    }
  }

  boolean due() {
    return now;
  }

  /** Whether something received waits for a SACK, now or when the timer expires. */
  boolean pending() {
    return now || delayed.isRunning();
  }

  boolean droppedSinceSack() {
    return droppedSinceSack;
  }

  void advertised(long rwnd) {
    lastAdvertisedRwnd = rwnd;
  }

  /**
   * The window is now {@code window}: once data was seen, a rise by a quarter of the buffer
   * since the last advertisement makes a window update due.
   */
  void windowNow(long window, long rcvbuf) {
    if (firstDataSeen && window - lastAdvertisedRwnd >= Math.max(1, rcvbuf / 4)) {
      now = true;
    }
  }

  void sent() {
    now = false;
    droppedSinceSack = false;
    packetsSinceSack = 0;
    delayed.stop();
  }

  long deadline() {
    return delayed.deadline();
  }

  /** The delayed-SACK timer; returns whether it expired, which makes a SACK due. */
  boolean expire(long nowNanos) {
    if (!delayed.isDue(nowNanos)) {
      return false;
    }
    delayed.expire();
    now = true;
    return true;
  }
}
