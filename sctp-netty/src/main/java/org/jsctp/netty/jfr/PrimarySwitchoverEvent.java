package org.jsctp.netty.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The primary path was replaced by primary path switchover (RFC 7829 section 5, ps_retrans). */
@Name("org.jsctp.PrimarySwitchover")
@Label("SCTP Primary Switchover")
@Category({"jsctp", "Path"})
@Description("Primary path switchover replaced the primary path (RFC 7829 section 5)")
final class PrimarySwitchoverEvent extends AssociationEvent {

  @Label("From")
  @Description("The peer address of the old primary")
  String from;

  @Label("To")
  @Description("The peer address of the new primary")
  String to;
}
