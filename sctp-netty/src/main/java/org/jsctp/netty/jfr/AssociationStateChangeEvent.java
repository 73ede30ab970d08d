package org.jsctp.netty.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** An association moved from one RFC 9260 state to another. */
@Name("org.jsctp.AssociationStateChange")
@Label("SCTP Association State Change")
@Category({"jsctp", "Association"})
@Description("An SCTP association moved from one RFC 9260 state to another")
final class AssociationStateChangeEvent extends AssociationEvent {

  @Label("Peer Address")
  @Description("The peer address the association was set up with")
  String peerAddress;

  @Label("From")
  String from;

  @Label("To")
  String to;
}
