package org.jsctp.path;

/** What a heartbeat timer expiry did on a path. */
public enum HeartbeatOutcome {
  /** Nothing due: the timer was re-armed (the path carried data recently, or heartbeats are off). */
  NONE,
  /** A heartbeat went out. */
  SENT,
  /**
   * The outstanding heartbeat went unanswered for an RTO: the path counted an error. The
   * association counts it too when the path carries its data (RFC 9260 section 8.1).
   */
  LOST
}
