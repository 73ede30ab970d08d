package org.jsctp.netty.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** An association moved from one RFC 9260 state to another. */
@Name("org.jsctp.AssociationStateChange")
@Label("SCTP Association State Change")
@Category({"jsctp", "Association"})
@Description("An SCTP association moved from one RFC 9260 state to another")
@StackTrace(false)
final class AssociationStateChangeEvent extends Event {

  @Label("Association Id")
  int associationId;

  @Label("Local Port")
  @Description("The local SCTP port")
  int localPort;

  @Label("Peer Port")
  @Description("The peer's SCTP port")
  int peerPort;

  @Label("Peer Address")
  @Description("The peer address the association was set up with")
  String peerAddress;

  @Label("From")
  String from;

  @Label("To")
  String to;
}
