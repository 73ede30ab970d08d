package org.jsctp.ha;

import java.util.List;
import java.util.Objects;
import org.jsctp.api.PrPolicy;
import org.jsctp.wire.Bytes;

/**
 * The sending half of a replicated association: the next TSN and the cumulative TSN ack point,
 * the peer's window, each outbound stream's counters, the user messages not yet acknowledged
 * (queued whole, partly cut into chunks, or cut and outstanding) and the chunks in flight, each
 * with its TSN and where in its message it lies, so that the standby sends them again byte for
 * byte.
 *
 * @param nextTsn the TSN the next new chunk gets
 * @param cumulativeTsnAck the last TSN the peer acknowledged cumulatively
 * @param peerRwnd the peer's latest advertised receive window
 * @param streams one entry per outbound stream
 * @param messages the messages not yet acknowledged, in the order they were queued
 * @param outstanding the chunks from {@code cumulativeTsnAck + 1} to {@code nextTsn - 1}, in TSN
 *     order, without a gap
 */
public record SenderSnapshot(
    int nextTsn,
    int cumulativeTsnAck,
    long peerRwnd,
    List<Stream> streams,
    List<Message> messages,
    List<Chunk> outstanding) {

  public SenderSnapshot {
    streams = List.copyOf(streams);
    messages = List.copyOf(messages);
    outstanding = List.copyOf(outstanding);
  }

  /**
   * One outbound stream.
   *
   * @param nextOrdered the SSN (DATA) or MID (I-DATA) its next ordered message gets
   * @param nextUnordered the MID its next unordered message gets (I-DATA; 0 with DATA)
   * @param paused whether a stream reset paused it (RFC 6525 section 5.1.2 A1)
   * @param schedulerValue its SCTP_STREAM_SCHEDULER_VALUE, or -1 when none was set
   * @param abandonedSent PR-SCTP: messages abandoned after some of them was sent
   * @param abandonedUnsent PR-SCTP: messages abandoned before any of them was sent
   */
  public record Stream(int nextOrdered, int nextUnordered, boolean paused, int schedulerValue,
      long abandonedSent, long abandonedUnsent) {

    /** A stream nothing was sent on. */
    public static final Stream FRESH = new Stream(0, 0, false, -1, 0, 0);
  }

  /**
   * One user message the peer has not acknowledged in full.
   *
   * @param id its number in the order messages were queued on the association
   * @param streamId its stream
   * @param payloadProtocolId its PPID
   * @param unordered the U bit
   * @param sackImmediately the I bit on its last chunk
   * @param context the application's value, handed back in a SEND_FAILED
   * @param lifetimeNanos what was left of its lifetime when replicated, or {@link Long#MAX_VALUE}
   * @param prPolicy its PR-SCTP policy
   * @param prValue the policy's value
   * @param payload the whole message
   * @param offset the bytes already cut into chunks
   * @param fragments the chunks already cut
   * @param numbered whether it has its SSN or MID (given with its first chunk)
   * @param messageId its SSN or MID when numbered
   * @param abandoned whether PR-SCTP abandoned it (and reported it)
   */
  public record Message(long id, int streamId, int payloadProtocolId, boolean unordered,
      boolean sackImmediately, long context, long lifetimeNanos, PrPolicy prPolicy, int prValue,
      Bytes payload, int offset, int fragments, boolean numbered, int messageId,
      boolean abandoned) {

    public Message {
      Objects.requireNonNull(prPolicy, "prPolicy");
      Objects.requireNonNull(payload, "payload");
      if (offset < 0 || offset > payload.length()) {
        throw new IllegalArgumentException("message " + id + ": offset " + offset
            + " outside its " + payload.length() + " bytes");
      }
    }

    /** Whether part of it is still to be cut into chunks. */
    public boolean queued() {
      return offset < payload.length() && !abandoned;
    }
  }

  /** The I flag of a chunk. */
  public static final int FLAG_IMMEDIATE = 0x08;
  /** The U flag of a chunk. */
  public static final int FLAG_UNORDERED = 0x04;
  /** The B flag of a chunk. */
  public static final int FLAG_BEGINNING = 0x02;
  /** The E flag of a chunk. */
  public static final int FLAG_ENDING = 0x01;

  /**
   * One DATA or I-DATA chunk that has a TSN and is not cumulatively acknowledged. Its user data is
   * {@code length} bytes of its message from {@code offset}.
   *
   * @param tsn its TSN
   * @param messageId the {@link Message#id()} it belongs to
   * @param offset where its user data starts in the message
   * @param length its user data's length (0 for the never-sent end of an abandoned message)
   * @param flags the chunk flags: {@link #FLAG_IMMEDIATE}, {@link #FLAG_UNORDERED}, {@link
   *     #FLAG_BEGINNING}, {@link #FLAG_ENDING}
   * @param streamMessageId the SSN (DATA) or MID (I-DATA) it carries
   * @param ppidOrFsn the PPID (DATA, and the first I-DATA fragment) or the FSN (other I-DATA)
   * @param transmissions how often it was sent (for PR-SCTP's retransmission limit)
   * @param abandoned whether PR-SCTP abandoned it
   * @param gapAcked whether the peer acknowledged it in a gap block
   */
  public record Chunk(int tsn, long messageId, int offset, int length, int flags,
      int streamMessageId, int ppidOrFsn, int transmissions, boolean abandoned,
      boolean gapAcked) {

    public boolean beginning() {
      return (flags & FLAG_BEGINNING) != 0;
    }

    public boolean ending() {
      return (flags & FLAG_ENDING) != 0;
    }

    public boolean unordered() {
      return (flags & FLAG_UNORDERED) != 0;
    }

    public boolean immediate() {
      return (flags & FLAG_IMMEDIATE) != 0;
    }
  }
}
