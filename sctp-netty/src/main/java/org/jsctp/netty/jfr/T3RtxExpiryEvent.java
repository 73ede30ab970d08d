package org.jsctp.netty.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/** The T3-rtx timer of a path expired (RFC 9260 section 6.3.3). */
@Name("org.jsctp.T3RtxExpiry")
@Label("SCTP T3-rtx Expiry")
@Category({"jsctp", "Path"})
@Description("The retransmission timer of a path of an SCTP association expired (RFC 9260 section 6.3.3)")
final class T3RtxExpiryEvent extends AssociationEvent {

  @Label("Address")
  @Description("The peer address of the path")
  String address;

  @Label("RTO")
  @Description("The retransmission timeout that expired, before its backoff")
  @Timespan(Timespan.MILLISECONDS)
  long rto;
}
