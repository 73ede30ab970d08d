package org.jsctp.association;

/**
 * CLOSED: the association is over; it keeps only what it was: its tags, to be removed from the
 * endpoint's tables and shown in logs, and the association error counter it ended with.
 */
record Closed(int localTag, int peerTag, int errorCount) implements Phase {

  @Override
  public AssociationState state() {
    return AssociationState.CLOSED;
  }
}
