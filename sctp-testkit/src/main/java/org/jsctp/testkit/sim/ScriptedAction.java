package org.jsctp.testkit.sim;

/** A fault script step or any other action scheduled with {@code at} or {@code after}. */
final class ScriptedAction implements SimEvent {

  private final String label;
  private final Runnable action;
  private final Runnable afterwards;

  ScriptedAction(String label, Runnable action, Runnable afterwards) {
    this.label = label;
    this.action = action;
    this.afterwards = afterwards;
  }

  @Override
  public Kind kind() {
    return Kind.ACTION;
  }

  @Override
  public void fire() {
    action.run();
    afterwards.run();
  }

  @Override
  public String describe() {
    return "action: " + label;
  }
}
