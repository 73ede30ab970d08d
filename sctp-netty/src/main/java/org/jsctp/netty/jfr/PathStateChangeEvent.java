package org.jsctp.netty.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A path (one peer address) changed state: ACTIVE, POTENTIALLY_FAILED, INACTIVE, UNCONFIRMED. */
@Name("org.jsctp.PathStateChange")
@Label("SCTP Path State Change")
@Category({"jsctp", "Path"})
@Description("A path of an SCTP association changed state (RFC 9260 section 8.2, RFC 7829)")
final class PathStateChangeEvent extends AssociationEvent {

  @Label("Address")
  @Description("The peer address of the path")
  String address;

  @Label("From")
  String from;

  @Label("To")
  String to;

  @Label("Error Count")
  @Description("The path's error counter after the change")
  int errorCount;
}
