package org.jsctp.tx;

/**
 * The fair bandwidth stream scheduler (RFC 8260 section 3.5): every stream with data gets the same
 * share of the user data bytes sent, by virtual-time fair queueing ({@link FairQueueing}) with one
 * weight for all. A stream that has been empty rejoins at the current virtual time: it is not
 * owed the bytes it did not send while empty. Streams have no value.
 */
final class FairBandwidth extends FairQueueing {

  @Override
  int weight(int stream) {
    return 1;
  }
}
