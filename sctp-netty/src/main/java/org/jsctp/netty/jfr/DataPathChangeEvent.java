package org.jsctp.netty.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** New data of an association now goes to another path: a failover, or the return from one. */
@Name("org.jsctp.DataPathChange")
@Label("SCTP Data Path Change")
@Category({"jsctp", "Path"})
@Description("New data of an SCTP association now goes to another path (failover or return)")
final class DataPathChangeEvent extends AssociationEvent {

  @Label("From")
  @Description("The peer address new data went to")
  String from;

  @Label("To")
  @Description("The peer address new data goes to now")
  String to;
}
