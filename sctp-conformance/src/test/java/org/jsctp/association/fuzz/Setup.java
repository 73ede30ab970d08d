package org.jsctp.association.fuzz;

/**
 * How a fuzzed run starts, decoded before its steps.
 *
 * @param seed the endpoint's random seed: its tags, TSNs and cookie secret
 * @param active whether the IUT connects (otherwise the peer does)
 * @param multihomed whether the peer lists a second address
 * @param heartbeats whether heartbeats are on
 * @param peerStreams the stream counts the peer offers each way (1 to 10)
 * @param peerRwnd the a_rwnd of the peer's INIT or INIT ACK
 * @param peerInitialTsn the peer's Initial TSN (some close to a wrap)
 * @param nodelay SCTP_NODELAY
 * @param partialDeliveryPoint SCTP_PARTIAL_DELIVERY_POINT (0: half the receive buffer)
 */
record Setup(int seed, boolean active, boolean multihomed, boolean heartbeats, int peerStreams,
    long peerRwnd, int peerInitialTsn, boolean nodelay, long partialDeliveryPoint) {}
