package org.jsctp.netty.channel;

import com.sun.nio.sctp.Association;
import java.net.SocketAddress;
import org.jsctp.netty.MessageInfo;

/**
 * A received message's ancillary data as the {@code com.sun.nio.sctp.MessageInfo} that an inbound
 * {@code SctpMessage} carries: association, peer address, bytes, stream, PPID, unordered, complete.
 * Mutable and not thread-safe, as the JDK's.
 */
final class JdkMessageInfo extends com.sun.nio.sctp.MessageInfo {

  private final Association association;
  private final SocketAddress address;
  private final int bytes;
  private int streamNumber;
  private int payloadProtocolId;
  private boolean unordered;
  private boolean complete;
  private long timeToLive;

  private JdkMessageInfo(Association association, MessageInfo first, int bytes, boolean complete) {
    this.association = association;
    this.address = first.address();
    this.bytes = bytes;
    this.streamNumber = first.streamNumber();
    this.payloadProtocolId = first.payloadProtocolID();
    this.unordered = first.isUnordered();
    this.complete = complete;
    this.timeToLive = first.timeToLive();
  }

  /**
   * What one or more jsctp receives of one message returned, with {@code association} as the JDK
   * sees it.
   *
   * @param first the first receive's info: peer address, stream, PPID, unordered
   * @param bytes the bytes read by them together
   * @param complete whether the last of them ended the message
   */
  static JdkMessageInfo of(
      MessageInfo first, Association association, int bytes, boolean complete) {
    return new JdkMessageInfo(association, first, bytes, complete);
  }

  @Override
  public SocketAddress address() {
    return address;
  }

  @Override
  public Association association() {
    return association;
  }

  @Override
  public int bytes() {
    return bytes;
  }

  @Override
  public boolean isComplete() {
    return complete;
  }

  @Override
  public com.sun.nio.sctp.MessageInfo complete(boolean complete) {
    this.complete = complete;
    return this;
  }

  @Override
  public boolean isUnordered() {
    return unordered;
  }

  @Override
  public com.sun.nio.sctp.MessageInfo unordered(boolean unordered) {
    this.unordered = unordered;
    return this;
  }

  @Override
  public int payloadProtocolID() {
    return payloadProtocolId;
  }

  @Override
  public com.sun.nio.sctp.MessageInfo payloadProtocolID(int ppid) {
    this.payloadProtocolId = ppid;
    return this;
  }

  @Override
  public int streamNumber() {
    return streamNumber;
  }

  /**
   * Sets the stream number.
   *
   * @throws IllegalArgumentException if outside 0..65535, as the JDK's
   */
  @Override
  public com.sun.nio.sctp.MessageInfo streamNumber(int streamNumber) {
    if (streamNumber < 0 || streamNumber > 0xFFFF) {
      throw new IllegalArgumentException("stream number out of range 0..65535: " + streamNumber);
    }
    this.streamNumber = streamNumber;
    return this;
  }

  @Override
  public long timeToLive() {
    return timeToLive;
  }

  @Override
  public com.sun.nio.sctp.MessageInfo timeToLive(long millis) {
    this.timeToLive = millis;
    return this;
  }

  @Override
  public String toString() {
    return String.format(
        "MessageInfo[%d bytes, stream %d, ppid %d%s%s, %s from %s]",
        bytes,
        streamNumber,
        payloadProtocolId,
        unordered ? ", unordered" : "",
        complete ? "" : ", incomplete",
        association,
        address);
  }
}
