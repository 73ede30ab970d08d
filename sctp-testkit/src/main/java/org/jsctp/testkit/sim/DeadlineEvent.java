package org.jsctp.testkit.sim;

/** The armed deadline of one host; stale when the host has re-armed since it was scheduled. */
final class DeadlineEvent implements SimEvent {

  private final SimHost host;
  private final long generation;

  DeadlineEvent(SimHost host, long generation) {
    this.host = host;
    this.generation = generation;
  }

  @Override
  public Kind kind() {
    return Kind.DEADLINE;
  }

  @Override
  public void fire() {
    host.deadlineReached(generation);
  }

  @Override
  public String describe() {
    return "deadline of " + host.name() + " (generation " + generation
        + (host.isCurrent(generation) ? ")" : ", stale)");
  }
}
