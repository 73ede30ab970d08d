package org.jsctp.netty.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** An association ends by ABORT, received from the peer or sent by this side. */
@Name("org.jsctp.AssociationAbort")
@Label("SCTP Association Abort")
@Category({"jsctp", "Association"})
@Description("An SCTP association ends by ABORT, received from the peer or sent by this side")
final class AssociationAbortEvent extends AssociationEvent {

  @Label("Peer Address")
  @Description("The peer address the association was set up with")
  String peerAddress;

  @Label("Received")
  @Description("Whether the peer sent the ABORT")
  boolean received;

  @Label("Causes")
  @Description("The cause codes the ABORT carries (RFC 9260 section 3.3.10), at most 8")
  String causes;

  @Label("Reason")
  String reason;
}
