package org.jsctp.api;

/** The answer to a send call of the core. */
public enum SendOutcome {
  /** Accepted: the message is queued and will be delivered or reported with SEND_FAILED. */
  ACCEPTED,
  /** The send buffer is full: try again after a SendBufferAvailable event. */
  WOULD_BLOCK,
  /** Refused: the stream does not exist. */
  INVALID_STREAM,
  /** Refused: larger than one chunk while SCTP_DISABLE_FRAGMENTS is on. */
  MESSAGE_TOO_BIG,
  /** Refused: the association does not accept new data in its state. */
  NOT_ACCEPTING
}
