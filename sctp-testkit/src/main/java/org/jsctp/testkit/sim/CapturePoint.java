package org.jsctp.testkit.sim;

/** Where a simulated capture is taken, which decides which copies it shows and when. */
public enum CapturePoint {
  /** Every datagram once, at the time it was sent, whatever became of it. */
  SENDER,
  /** Every delivered copy (duplicates included) at the time it arrived. */
  RECEIVER
}
