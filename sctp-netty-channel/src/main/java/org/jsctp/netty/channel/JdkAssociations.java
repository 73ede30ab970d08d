package org.jsctp.netty.channel;

import org.jsctp.netty.Association;

/**
 * A channel's association as a {@code com.sun.nio.sctp.Association}, the type Netty's {@code
 * SctpChannel.association()}, {@code MessageInfo} and the notifications carry. The JDK's type fixes
 * its stream counts at construction, so the same object is handed out for as long as the
 * association and its counts stay the same (a restart may change them), and compares with {@code
 * ==} as the JDK's does.
 */
final class JdkAssociations {

  private record Entry(Association source, JdkAssociation jdk) {}

  private volatile Entry last;

  /** The JDK view of {@code a}; null for null. Any thread. */
  com.sun.nio.sctp.Association of(Association a) {
    if (a == null) {
      return null;
    }
    Entry e = last;
    if (e != null
        && e.source == a
        && e.jdk.maxInboundStreams() == a.maxInboundStreams()
        && e.jdk.maxOutboundStreams() == a.maxOutboundStreams()) {
      return e.jdk;
    }
    JdkAssociation jdk =
        new JdkAssociation(a.associationID(), a.maxInboundStreams(), a.maxOutboundStreams());
    last = new Entry(a, jdk);
    return jdk;
  }

  /** The JDK's association class has a protected constructor for stacks like this one. */
  private static final class JdkAssociation extends com.sun.nio.sctp.Association {

    JdkAssociation(int id, int maxInStreams, int maxOutStreams) {
      super(id, maxInStreams, maxOutStreams);
    }

    @Override
    public String toString() {
      return "Association[id="
          + associationID()
          + ", in="
          + maxInboundStreams()
          + ", out="
          + maxOutboundStreams()
          + "]";
    }
  }
}
