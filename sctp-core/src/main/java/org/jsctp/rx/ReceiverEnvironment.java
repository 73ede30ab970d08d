package org.jsctp.rx;

import org.jsctp.api.SctpEvent;
import org.jsctp.config.ReceiveMemory;
import org.jsctp.stats.MibCounters;

/** What the data receiver needs from its association. */
public interface ReceiverEnvironment {

  int associationId();

  MibCounters counters();

  void emit(SctpEvent event);

  /** The stack's memory for received data, shared with the other associations. */
  ReceiveMemory memory();
}
