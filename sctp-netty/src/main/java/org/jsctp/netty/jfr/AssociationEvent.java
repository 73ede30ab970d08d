package org.jsctp.netty.jfr;

import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.StackTrace;
import org.jsctp.association.SctpAssociation;

/** What every jsctp event carries (the association it happened to and its ports), and no stack trace. */
@StackTrace(false)
abstract class AssociationEvent extends Event {

  @Label("Association Id")
  int associationId;

  @Label("Local Port")
  @Description("The local SCTP port")
  int localPort;

  @Label("Peer Port")
  @Description("The peer's SCTP port")
  int peerPort;

  /** Sets the fields of this class from {@code association}. */
  final void of(SctpAssociation association) {
    associationId = association.id();
    localPort = association.localPort();
    peerPort = association.peerPort();
  }
}
