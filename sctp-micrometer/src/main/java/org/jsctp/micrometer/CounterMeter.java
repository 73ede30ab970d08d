package org.jsctp.micrometer;

import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.jsctp.stats.MibCounter;

/**
 * How one {@link MibCounter} is shown as a meter: its name, the tags that tell it from the other
 * counters under the same name, and its description. {@link #ALL} binds every counter once;
 * SctpCurrEstab is the one gauge among them.
 */
record CounterMeter(MibCounter counter, String name, Tags tags, String description) {

  static final List<CounterMeter> ALL =
      List.of(
          of(MibCounter.SCTP_CURR_ESTAB, "sctp.associations.current",
              "Associations in ESTABLISHED, SHUTDOWN-PENDING or SHUTDOWN-RECEIVED"),
          of(MibCounter.SCTP_ACTIVE_ESTABS, "sctp.associations.established",
              "Associations established that this side started", "initiator", "local"),
          of(MibCounter.SCTP_PASSIVE_ESTABS, "sctp.associations.established",
              "Associations established that the peer started", "initiator", "peer"),
          of(MibCounter.SCTP_ABORTEDS, "sctp.associations.aborted",
              "Associations ended by ABORT, sent or received"),
          of(MibCounter.SCTP_SHUTDOWNS, "sctp.associations.shutdown",
              "Associations ended by a graceful shutdown"),
          of(MibCounter.SCTP_REFUSED_ASSOCIATIONS, "sctp.associations.refused",
              "New associations refused by max_associations or max_associations_per_peer"),
          of(MibCounter.SCTP_IN_SCTP_PACKS, "sctp.packets",
              "SCTP packets received, duplicates included", "direction", "in"),
          of(MibCounter.SCTP_OUT_SCTP_PACKS, "sctp.packets",
              "SCTP packets sent, retransmissions included", "direction", "out"),
          of(MibCounter.SCTP_OUT_OF_BLUES, "sctp.packets.out.of.the.blue",
              "Well-formed packets with a good checksum that matched no association"),
          of(MibCounter.SCTP_CHECKSUM_ERRORS, "sctp.packets.checksum.errors",
              "Packets dropped for a bad CRC32c"),
          of(MibCounter.SCTP_IN_PKT_DISCARDS, "sctp.packets.discarded",
              "Packets dropped: malformed, bad verification tag, or otherwise refused"),
          of(MibCounter.SCTP_OUT_FRAGMENTABLE_PACKS, "sctp.packets.fragmentable",
              "Packets sent larger than their path's PLPMTU, marked for IP fragmentation"),
          of(MibCounter.SCTP_INTERNAL_ERRORS, "sctp.packets.internal.errors",
              "Packets whose handling hit a bug in the stack (dropped)"),
          of(MibCounter.SCTP_IN_CTRL_CHUNKS, "sctp.chunks",
              "Control chunks received, duplicates excluded", "direction", "in", "type", "control"),
          of(MibCounter.SCTP_IN_ORDER_CHUNKS, "sctp.chunks",
              "Ordered DATA chunks received, duplicates excluded",
              "direction", "in", "type", "ordered"),
          of(MibCounter.SCTP_IN_UNORDER_CHUNKS, "sctp.chunks",
              "Unordered DATA chunks received, duplicates excluded",
              "direction", "in", "type", "unordered"),
          of(MibCounter.SCTP_OUT_CTRL_CHUNKS, "sctp.chunks",
              "Control chunks sent, retransmissions excluded",
              "direction", "out", "type", "control"),
          of(MibCounter.SCTP_OUT_ORDER_CHUNKS, "sctp.chunks",
              "Ordered DATA chunks sent, retransmissions excluded",
              "direction", "out", "type", "ordered"),
          of(MibCounter.SCTP_OUT_UNORDER_CHUNKS, "sctp.chunks",
              "Unordered DATA chunks sent, retransmissions excluded",
              "direction", "out", "type", "unordered"),
          of(MibCounter.SCTP_IN_DUPLICATE_TSNS, "sctp.chunks.duplicate",
              "Duplicate DATA chunks received"),
          of(MibCounter.SCTP_IN_DATA_CHUNK_DISCARDS, "sctp.chunks.discarded",
              "DATA chunks dropped: no room in the receive window or beyond the trackable range",
              "reason", "window"),
          of(MibCounter.SCTP_RCVBUF_TOTAL_DROPS, "sctp.chunks.discarded",
              "DATA chunks dropped because the stack's receive memory (rcvbuf_total) was used up",
              "reason", "rcvbuf_total"),
          of(MibCounter.SCTP_RENEGED_TSNS, "sctp.chunks.reneged",
              "Received TSNs given up to make room for a lower TSN; the peer resends them"),
          of(MibCounter.SCTP_FRAG_USR_MSGS, "sctp.messages.fragmented",
              "User messages that had to be fragmented"),
          of(MibCounter.SCTP_REASM_USR_MSGS, "sctp.messages.reassembled",
              "User messages reassembled from fragments"),
          of(MibCounter.SCTP_T3_RETRANSMITS, "sctp.retransmissions",
              "DATA chunks retransmitted after a T3-rtx expiry", "kind", "t3"),
          of(MibCounter.SCTP_FAST_RETRANSMITS, "sctp.retransmissions",
              "DATA chunks fast-retransmitted", "kind", "fast"),
          of(MibCounter.SCTP_T1_INIT_EXPIREDS, "sctp.timer.expirations",
              "T1-init expiries", "timer", "t1_init"),
          of(MibCounter.SCTP_T1_COOKIE_EXPIREDS, "sctp.timer.expirations",
              "T1-cookie expiries", "timer", "t1_cookie"),
          of(MibCounter.SCTP_T2_SHUTDOWN_EXPIREDS, "sctp.timer.expirations",
              "T2-shutdown expiries", "timer", "t2_shutdown"),
          of(MibCounter.SCTP_T3_RTX_EXPIREDS, "sctp.timer.expirations",
              "T3-rtx expiries", "timer", "t3_rtx"),
          of(MibCounter.SCTP_T5_SHUTDOWN_GUARD_EXPIREDS, "sctp.timer.expirations",
              "T5-shutdown-guard expiries", "timer", "t5_shutdown_guard"),
          of(MibCounter.SCTP_DELAY_SACK_EXPIREDS, "sctp.timer.expirations",
              "Delayed-SACK timer expiries", "timer", "delayed_sack"),
          of(MibCounter.SCTP_AUTOCLOSE_EXPIREDS, "sctp.timer.expirations",
              "Autoclose timer expiries", "timer", "autoclose"),
          of(MibCounter.SCTP_RECONFIG_EXPIREDS, "sctp.timer.expirations",
              "RE-CONFIG retransmission timer expiries", "timer", "reconfig"),
          of(MibCounter.SCTP_PF_ENTRIES, "sctp.path.entries",
              "Path transitions into potentially failed (RFC 7829)",
              "state", "potentially_failed"),
          of(MibCounter.SCTP_INACTIVE_ENTRIES, "sctp.path.entries",
              "Path transitions into INACTIVE", "state", "inactive"),
          of(MibCounter.SCTP_PATH_SWITCHOVERS, "sctp.path.failovers",
              "Changes of the path carrying new data: failovers and returns"),
          of(MibCounter.SCTP_PRIMARY_SWITCHOVERS, "sctp.path.primary.switchovers",
              "Primary changes by primary path switchover (RFC 7829 section 5)"),
          of(MibCounter.SCTP_HEARTBEATS_SENT, "sctp.heartbeats.sent",
              "HEARTBEAT chunks sent, PLPMTUD probes not included"),
          of(MibCounter.SCTP_HEARTBEAT_ACKS_RECEIVED, "sctp.heartbeats.acknowledged",
              "HEARTBEAT ACKs received that matched an outstanding heartbeat"),
          of(MibCounter.SCTP_DEFERRED_PROBES, "sctp.heartbeats.deferred",
              "Heartbeats to unconfirmed addresses deferred by hb_max_burst"),
          of(MibCounter.SCTP_IGNORED_PEER_ADDRESSES, "sctp.peer.addresses.ignored",
              "Peer addresses of INIT and INIT ACK ignored beyond max_peer_addresses"),
          of(MibCounter.SCTP_IN_RECONFIG_DISCARDS, "sctp.reconfig.discarded",
              "RE-CONFIG parameters ignored (RFC 6525 section 3.1)"),
          of(MibCounter.SCTP_PLPMTUD_PROBES_SENT, "sctp.plpmtud.probes.sent",
              "PLPMTUD probes sent (RFC 8899)"),
          of(MibCounter.SCTP_PLPMTUD_PROBES_ACKED, "sctp.plpmtud.probes.acknowledged",
              "PLPMTUD probes acknowledged"),
          of(MibCounter.SCTP_PLPMTUD_PROBES_LOST, "sctp.plpmtud.probes.lost",
              "PLPMTUD probes unanswered within the probe interval"),
          of(MibCounter.SCTP_PLPMTUD_BLACK_HOLES, "sctp.plpmtud.black.holes",
              "Paths whose confirmed PLPMTU stopped getting through"),
          of(MibCounter.SCTP_HA_RECORDS, "sctp.ha.records",
              "HA replication records emitted for standbys, snapshots included"),
          of(MibCounter.SCTP_HA_SNAPSHOTS, "sctp.ha.snapshots",
              "HA replication records that carried a full association snapshot"),
          of(MibCounter.SCTP_HA_TAKEOVERS, "sctp.ha.takeovers",
              "Associations a standby restored and took over"));

  /** Whether the value may go down (SctpCurrEstab); every other counter only grows. */
  boolean isGauge() {
    return counter == MibCounter.SCTP_CURR_ESTAB;
  }

  private static CounterMeter of(
      MibCounter counter, String name, String description, String... tags) {
    return new CounterMeter(
        counter, name, Tags.of(tags), description + " (" + counter.mibName() + ")");
  }
}
