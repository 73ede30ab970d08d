package org.jsctp.tx;

/**
 * The round-robin-per-packet stream scheduler (RFC 8260 section 3.3): the streams with data take
 * turns per packet rather than per message. The stream that sends the first chunk of a packet keeps
 * the packet while it has data; should it run dry before the packet is full, the rest of the packet
 * goes to the next stream in turn rather than leaving room unused. The next packet starts with the
 * stream after the last one served, in stream order as {@link RoundRobin} has it.
 */
final class RoundRobinPerPacket implements StreamScheduler {

  private final RoundRobin turns = new RoundRobin();
  /** A chunk went into the packet being filled: its stream holds the rest of the packet. */
  private boolean packetHeld;

  @Override
  public void enqueued(int stream) {
    turns.enqueued(stream);
  }

  @Override
  public void dequeued(int stream) {
    turns.dequeued(stream);
  }

  @Override
  public void removed(int stream, int index) {
    turns.removed(stream, index);
  }

  @Override
  public int next() {
    int holder = turns.last();
    return packetHeld && turns.isActive(holder) ? holder : turns.next();
  }

  @Override
  public void sent(int stream, int bytes) {
    turns.sent(stream, bytes);
    packetHeld = true;
  }

  @Override
  public void packetStarted() {
    packetHeld = false;
  }

  @Override
  public void clear() {
    turns.clear();
    packetHeld = false;
  }
}
