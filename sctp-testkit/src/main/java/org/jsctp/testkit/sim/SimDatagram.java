package org.jsctp.testkit.sim;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One UDP datagram carrying an SCTP packet through the simulated network, as packet filters and
 * the trace see it. Immutable: {@link #packet()} answers a copy.
 */
public final class SimDatagram {

  static final int UDP_HEADER_LENGTH = 8;
  static final int IPV4_HEADER_LENGTH = 20;
  static final int IPV6_HEADER_LENGTH = 40;

  private final long id;
  private final long sentAtNanos;
  private final InetAddress source;
  private final int sourcePort;
  private final InetAddress destination;
  private final int destinationPort;
  private final byte[] packet;
  private final boolean fragmentable;
  private final List<Integer> chunkTypes;

  SimDatagram(long id, long sentAtNanos, InetAddress source, int sourcePort,
      InetAddress destination, int destinationPort, byte[] packet) {
    this(id, sentAtNanos, source, sourcePort, destination, destinationPort, packet, false);
  }

  SimDatagram(long id, long sentAtNanos, InetAddress source, int sourcePort,
      InetAddress destination, int destinationPort, byte[] packet, boolean fragmentable) {
    this.id = id;
    this.sentAtNanos = sentAtNanos;
    this.source = Objects.requireNonNull(source, "source");
    this.sourcePort = sourcePort;
    this.destination = Objects.requireNonNull(destination, "destination");
    this.destinationPort = destinationPort;
    this.packet = packet;
    this.fragmentable = fragmentable;
    this.chunkTypes = ChunkTypes.of(packet);
  }

  /** Number of this datagram in the run, from 0 in order of sending. */
  public long id() {
    return id;
  }

  /** Virtual time at which the sender handed the datagram to the network. */
  public long sentAtNanos() {
    return sentAtNanos;
  }

  /** Source IP as it appears on the wire (after any kernel source-address rewriting). */
  public InetAddress source() {
    return source;
  }

  /** Source UDP port. */
  public int sourcePort() {
    return sourcePort;
  }

  /** Destination IP. */
  public InetAddress destination() {
    return destination;
  }

  /** Destination UDP port. */
  public int destinationPort() {
    return destinationPort;
  }

  /** A copy of the SCTP packet. */
  public byte[] packet() {
    return packet.clone();
  }

  byte[] packetUnsafe() {
    return packet;
  }

  /**
   * Whether the sender allowed IP fragmentation ({@code Transmit.allowFragmentation}): a link
   * whose MTU it exceeds carries it as fragments instead of dropping it.
   */
  public boolean fragmentable() {
    return fragmentable;
  }

  /** Length of the SCTP packet in bytes. */
  public int size() {
    return packet.length;
  }

  /** Length on the wire: SCTP packet plus UDP header plus the IP header of the source family. */
  public int wireSize() {
    int ipHeader = source instanceof Inet4Address ? IPV4_HEADER_LENGTH : IPV6_HEADER_LENGTH;
    return packet.length + UDP_HEADER_LENGTH + ipHeader;
  }

  /** Chunk types in order of appearance, found by {@link ChunkTypes#of}. */
  public List<Integer> chunkTypes() {
    return chunkTypes;
  }

  /** Whether the packet holds a chunk of {@code type}. */
  public boolean containsChunk(int type) {
    return chunkTypes.contains(type);
  }

  /**
   * {@code #12 10.0.0.1:9899 > 10.0.0.2:9899 64B [DATA,SACK]}, with {@code  frag} after it when
   * the packet may be fragmented.
   */
  @Override
  public String toString() {
    return "#" + id + " " + source.getHostAddress() + ":" + sourcePort + " > "
        + destination.getHostAddress() + ":" + destinationPort + " " + packet.length + "B ["
        + ChunkTypes.names(chunkTypes) + "]" + (fragmentable ? " frag" : "");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SimDatagram that
        && id == that.id
        && sentAtNanos == that.sentAtNanos
        && source.equals(that.source)
        && sourcePort == that.sourcePort
        && destination.equals(that.destination)
        && destinationPort == that.destinationPort
        && fragmentable == that.fragmentable
        && Arrays.equals(packet, that.packet);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, sentAtNanos, source, sourcePort, destination, destinationPort)
        * 31 + Arrays.hashCode(packet);
  }
}
