package org.jsctp.testkit.sim;

/** Something the simulator does at a virtual time. */
interface SimEvent {

  /** What sort of event this is, for the idle check. */
  Kind kind();

  /** Does it; the clock already shows the event's time. */
  void fire();

  /** A short description for failure reports. */
  String describe();

  /** The sorts of events. */
  enum Kind {
    DELIVERY,
    DEADLINE,
    ACTION
  }
}
