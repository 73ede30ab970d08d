package org.jsctp.netty;

import java.net.SocketAddress;
import org.jsctp.api.PrPolicy;

/**
 * The ancillary data of a message, like {@code com.sun.nio.sctp.MessageInfo}: which association,
 * peer address, stream and payload protocol it belongs to, whether it is unordered or complete, and
 * its time to live.
 *
 * <p>For sending, create one with {@link #createOutgoing(SocketAddress, int)} or {@link
 * #createOutgoing(Association, SocketAddress, int)} and adjust it with the fluent setters. A
 * receive call returns one describing what it read. Instances are mutable and not thread-safe, as
 * in the JDK.
 */
public final class MessageInfo {

  private final Association association;
  private final SocketAddress address;
  private final int bytes;
  private int streamNumber;
  private int payloadProtocolId;
  private boolean unordered;
  private boolean complete = true;
  private long timeToLive;
  private org.jsctp.api.MessageReceived received;
  private org.jsctp.api.MessageReceived confirms;
  private PrPolicy prPolicy;
  private int prValue;

  private MessageInfo(Association association, SocketAddress address, int streamNumber, int bytes) {
    this.association = association;
    this.address = address;
    this.bytes = bytes;
    streamNumber(streamNumber);
  }

  /**
   * A message to send to {@code address} (one-to-many: sets an association up if none exists) or on
   * the channel's association (one-to-one, where {@code address} may be null).
   *
   * @throws IllegalArgumentException if the stream number is outside 0..65535
   */
  public static MessageInfo createOutgoing(SocketAddress address, int streamNumber) {
    return new MessageInfo(null, address, streamNumber, 0);
  }

  /**
   * A message to send on {@code association}, optionally to a preferred peer {@code address} (the
   * address is only checked to belong to the association: this stack always sends on the path its
   * path selection picks).
   *
   * @throws IllegalArgumentException if the stream number is outside 0..65535
   */
  public static MessageInfo createOutgoing(
      Association association, SocketAddress address, int streamNumber) {
    return new MessageInfo(association, address, streamNumber, 0);
  }

  static MessageInfo incoming(
      Association association,
      SocketAddress address,
      int streamNumber,
      int payloadProtocolId,
      boolean unordered,
      boolean complete,
      int bytes,
      org.jsctp.api.MessageReceived received) {
    MessageInfo info = new MessageInfo(association, address, streamNumber, bytes);
    info.payloadProtocolId = payloadProtocolId;
    info.unordered = unordered;
    info.complete = complete;
    info.received = received;
    return info;
  }

  /**
   * Standby takeover (docs/ha.md), for replies: sending with this confirms {@code received} (and
   * everything received before it) together with the send, so that the standby learns the reply
   * and the confirmation in one replication record. After a takeover the request is then either
   * handed again and its reply was never sent (SYNC mode sends nothing the standby does not
   * hold), or not handed again and the reply is retransmitted: a reply neither lost nor sent
   * twice. The confirmation is made once the send is accepted. Null confirms nothing.
   *
   * @param received what a receive call on the same association returned
   * @throws IllegalArgumentException when {@code received} does not describe a received message
   */
  public MessageInfo confirming(MessageInfo received) {
    if (received != null && received.received == null) {
      throw new IllegalArgumentException(received + " does not describe a received message");
    }
    this.confirms = received == null ? null : received.received;
    return this;
  }

  /** The delivery a send confirms, or null. */
  org.jsctp.api.MessageReceived confirms() {
    return confirms;
  }

  /** The core's delivery this describes, or null (outgoing, end of stream). */
  org.jsctp.api.MessageReceived received() {
    return received;
  }

  /**
   * Standby takeover (docs/ha.md): true for a message that a standby handed again after it took
   * the association over, because the active's application may have had it already and had not
   * confirmed it ({@link SctpChannel#confirmDelivered}). Treat it as possibly seen before. False
   * for every other message.
   */
  public boolean possiblyDuplicate() {
    return received != null && received.possiblyDuplicate();
  }

  static MessageInfo endOfStream(Association association) {
    return new MessageInfo(association, null, 0, -1);
  }

  /** The peer address the message came from, or the one it is sent to. */
  public SocketAddress address() {
    return address;
  }

  /** The association, or null for an outgoing message that has none yet. */
  public Association association() {
    return association;
  }

  /**
   * For a received message: the number of bytes read into the buffer, or -1 when the association
   * has ended and nothing more will arrive (end of stream). 0 for outgoing messages.
   */
  public int bytes() {
    return bytes;
  }

  /**
   * Whether this is the end of a message. A received message is incomplete when the buffer was too
   * small or the stack delivered a large message in pieces (partial delivery); the rest comes with
   * the next receive calls, before any other message of the association.
   */
  public boolean isComplete() {
    return complete;
  }

  /**
   * For sending with {@link SctpStandardSocketOptions#SCTP_EXPLICIT_COMPLETE} on: false keeps the
   * data to be continued by the next send, true ends the message.
   */
  public MessageInfo complete(boolean complete) {
    this.complete = complete;
    return this;
  }

  /** Whether the message is (or was sent) unordered. */
  public boolean isUnordered() {
    return unordered;
  }

  /** Sends the message unordered (the DATA chunk's U bit). */
  public MessageInfo unordered(boolean unordered) {
    this.unordered = unordered;
    return this;
  }

  /** The payload protocol identifier, as an application value (network byte order on the wire). */
  public int payloadProtocolID() {
    return payloadProtocolId;
  }

  /** Sets the payload protocol identifier. */
  public MessageInfo payloadProtocolID(int ppid) {
    this.payloadProtocolId = ppid;
    return this;
  }

  /** The stream number. */
  public int streamNumber() {
    return streamNumber;
  }

  /**
   * Sets the stream number.
   *
   * @throws IllegalArgumentException if outside 0..65535
   */
  public MessageInfo streamNumber(int streamNumber) {
    if (streamNumber < 0 || streamNumber > 0xFFFF) {
      throw new IllegalArgumentException("stream number out of range 0..65535: " + streamNumber);
    }
    this.streamNumber = streamNumber;
    return this;
  }

  /** The time to live in milliseconds; 0 means unlimited. */
  public long timeToLive() {
    return timeToLive;
  }

  /**
   * Sets the time to live: a message not delivered within this many milliseconds is abandoned and
   * reported with a {@link SendFailedNotification} carrying its data. On an association with
   * PR-SCTP this is timed reliability (RFC 3758), whether or not the message was sent already,
   * unless {@link #prPolicy} names another policy; without PR-SCTP only a message not yet sent is
   * abandoned. 0 means unlimited.
   *
   * @throws IllegalArgumentException if negative
   */
  public MessageInfo timeToLive(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("time to live must not be negative: " + millis);
    }
    this.timeToLive = millis;
    return this;
  }

  /**
   * The PR-SCTP policy of the message (RFC 7496, the sctp_prinfo of RFC 6458 section 5.3.7), or
   * null to use the channel's SCTP_DEFAULT_PRINFO.
   */
  public PrPolicy prPolicy() {
    return prPolicy;
  }

  /** The value of the PR-SCTP policy. */
  public int prValue() {
    return prValue;
  }

  /**
   * Sets the PR-SCTP policy (RFC 7496): {@link PrPolicy#TTL} with a lifetime in milliseconds,
   * {@link PrPolicy#RTX} with the retransmissions each chunk may have (0: sent once, never again),
   * {@link PrPolicy#PRIO} with a priority (0 the highest; a full send buffer abandons unsent
   * messages of lower priority to make room), {@link PrPolicy#NONE} for reliable. It applies on
   * associations that negotiated PR-SCTP; elsewhere the message is reliable. Null goes back to the
   * channel's default.
   *
   * @throws IllegalArgumentException if the value is negative
   */
  public MessageInfo prPolicy(PrPolicy policy, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("PR-SCTP policy value must not be negative: " + value);
    }
    this.prPolicy = policy;
    this.prValue = policy == null ? 0 : value;
    return this;
  }

  @Override
  public String toString() {
    return "MessageInfo[association="
        + (association == null ? "none" : association.associationID())
        + ", address="
        + address
        + ", bytes="
        + bytes
        + ", stream="
        + streamNumber
        + ", ppid="
        + payloadProtocolId
        + (unordered ? ", unordered" : "")
        + (complete ? "" : ", incomplete")
        + (possiblyDuplicate() ? ", possibly duplicate" : "")
        + (timeToLive > 0 ? ", ttl=" + timeToLive + "ms" : "")
        + (prPolicy != null ? ", pr=" + prPolicy + " " + prValue : "")
        + "]";
  }
}
