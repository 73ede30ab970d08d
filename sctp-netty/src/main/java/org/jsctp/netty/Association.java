package org.jsctp.netty;

/**
 * An SCTP association as the application sees it, like {@code com.sun.nio.sctp.Association}: its
 * identifier and the stream counts negotiated in the handshake.
 *
 * <p>Instances are created by the stack, one per association, and stay the same object for the
 * association's life, so they can be compared with {@code ==} or used as map keys. The identifier
 * is unique within the endpoint (the channel) the association belongs to.
 */
public final class Association {

  private final int associationId;
  private volatile int maxInboundStreams;
  private volatile int maxOutboundStreams;

  Association(int associationId, int maxInboundStreams, int maxOutboundStreams) {
    this.associationId = associationId;
    this.maxInboundStreams = maxInboundStreams;
    this.maxOutboundStreams = maxOutboundStreams;
  }

  /** The association identifier (RFC 6458 sctp_assoc_t), never 0. */
  public int associationID() {
    return associationId;
  }

  /** Streams the peer may send on; 0 until the association is up. */
  public int maxInboundStreams() {
    return maxInboundStreams;
  }

  /** Streams this side may send on (0 .. this - 1); 0 until the association is up. */
  public int maxOutboundStreams() {
    return maxOutboundStreams;
  }

  void streams(int inbound, int outbound) {
    this.maxInboundStreams = inbound;
    this.maxOutboundStreams = outbound;
  }

  @Override
  public String toString() {
    return "Association[id="
        + associationId
        + ", in="
        + maxInboundStreams
        + ", out="
        + maxOutboundStreams
        + "]";
  }
}
