package org.jsctp.ha;

import java.util.List;
import java.util.Objects;

/**
 * One change to a replicated association, small and about one message or one acknowledgement,
 * so that replication costs per message and not per snapshot. A {@link StandbyAssociationState}
 * folds deltas, in order, into the latest {@link AssociationSnapshot}. Each kind has a tag in the
 * binary format (docs/ha.md).
 */
public sealed interface Delta {

  /** A DATA or I-DATA chunk the active took (its TSN is acknowledged once this is replicated). */
  record InboundData(ReceiverSnapshot.InboundChunk chunk) implements Delta {
    public InboundData {
      Objects.requireNonNull(chunk, "chunk");
    }
  }

  /** A TSN acknowledged without data: its stream does not exist (RFC 9260 section 6.5). */
  record InboundTsn(int tsn) implements Delta {}

  /**
   * A FORWARD-TSN (or I-FORWARD-TSN) the active applied (RFC 3758 section 3.6, RFC 8260 section
   * 2.3).
   *
   * @param newCumulativeTsn its New Cumulative TSN
   * @param skips its stream entries
   */
  record InboundForwardTsn(int newCumulativeTsn, List<Skip> skips) implements Delta {
    public InboundForwardTsn {
      skips = List.copyOf(skips);
    }
  }

  /**
   * One stream entry of a FORWARD-TSN or I-FORWARD-TSN.
   *
   * @param streamId the stream
   * @param unordered the U flag (I-FORWARD-TSN only)
   * @param messageId the SSN or MID skipped through
   */
  record Skip(int streamId, boolean unordered, int messageId) {}

  /** The peer reset streams of ours that it sends on (RFC 6525 section 5.2.2). */
  record InboundStreamReset(int lastAssignedTsn, List<Integer> streams) implements Delta {
    public InboundStreamReset {
      streams = List.copyOf(streams);
    }
  }

  /** The peer added streams it sends on (RFC 6525 section 5.2.5). */
  record InboundStreamsAdded(int count) implements Delta {}

  /** The peer's TSN starts again at {@code nextTsn} (an SSN/TSN reset, RFC 6525 section 5.2.4). */
  record InboundTsnRestart(int nextTsn) implements Delta {}

  /** The active gave up received TSNs to make room (RFC 9260 section 6.2): no longer acknowledged. */
  record InboundReneged(List<Integer> tsns) implements Delta {
    public InboundReneged {
      tsns = List.copyOf(tsns);
    }
  }

  /**
   * The application confirmed the messages with these first TSNs (and with them whatever it was
   * handed before): they are not handed again after a takeover.
   */
  record DeliveryConfirmed(List<Integer> firstTsns) implements Delta {
    public DeliveryConfirmed {
      firstTsns = List.copyOf(firstTsns);
    }
  }

  /** The application queued a message (its progress fields are those of a fresh message). */
  record MessageQueued(SenderSnapshot.Message message) implements Delta {
    public MessageQueued {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * A chunk got a TSN (it is sent, or in SYNC mode sent once this is replicated); with {@code
   * length} 0 and abandoned, the never-sent end of an abandoned message.
   */
  record ChunkCut(SenderSnapshot.Chunk chunk) implements Delta {
    public ChunkCut {
      Objects.requireNonNull(chunk, "chunk");
    }
  }

  /**
   * PR-SCTP abandoned a message and told the application; {@code sent} says whether any of it
   * had gone out.
   */
  record MessageAbandoned(long messageId, boolean sent) implements Delta {}

  /**
   * The peer's acknowledgements moved: its cumulative TSN ack and its window.
   *
   * @param cumulativeTsnAck the new cumulative TSN ack point
   * @param peerRwnd the peer's latest advertised window
   */
  record Acknowledged(int cumulativeTsnAck, long peerRwnd) implements Delta {}

  /**
   * The outbound streams changed by stream reconfiguration (paused, resumed, reset, added) or the
   * TSN restarted: their whole state and the next TSN.
   */
  record OutboundStreams(int nextTsn, List<SenderSnapshot.Stream> streams) implements Delta {
    public OutboundStreams {
      streams = List.copyOf(streams);
    }
  }

  /** The header changed: state, paths, primary, RTO, settings, stream counts or RE-CONFIG. */
  record HeaderChanged(AssociationHeader header) implements Delta {
    public HeaderChanged {
      Objects.requireNonNull(header, "header");
    }
  }

  /** The association ended (shut down, aborted or lost): there is nothing to take over. */
  record Closed(String reason) implements Delta {
    public Closed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
