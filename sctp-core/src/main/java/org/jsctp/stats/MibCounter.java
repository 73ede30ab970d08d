package org.jsctp.stats;

/**
 * The SCTP counters, named as Linux shows them in {@code /proc/net/sctp/snmp} (which follows
 * the RFC 3873 MIB), plus Linux's timer and retransmission counters and this stack's path and
 * failover counters. {@link #SCTP_CURR_ESTAB} is a gauge; all others only grow.
 */
public enum MibCounter {
  /** Associations in ESTABLISHED, SHUTDOWN-PENDING or SHUTDOWN-RECEIVED (gauge). */
  SCTP_CURR_ESTAB("SctpCurrEstab"),
  /** COOKIE-ECHOED to ESTABLISHED: this side started the association. */
  SCTP_ACTIVE_ESTABS("SctpActiveEstabs"),
  /** CLOSED to ESTABLISHED: the peer started the association. */
  SCTP_PASSIVE_ESTABS("SctpPassiveEstabs"),
  /** Associations ended by ABORT, sent or received. */
  SCTP_ABORTEDS("SctpAborteds"),
  /** Associations ended gracefully from SHUTDOWN-SENT or SHUTDOWN-ACK-SENT. */
  SCTP_SHUTDOWNS("SctpShutdowns"),
  /** Well-formed packets with a good checksum that matched no association. */
  SCTP_OUT_OF_BLUES("SctpOutOfBlues"),
  /** Packets dropped for a bad CRC32c. */
  SCTP_CHECKSUM_ERRORS("SctpChecksumErrors"),
  /** Control chunks sent, retransmissions excluded. */
  SCTP_OUT_CTRL_CHUNKS("SctpOutCtrlChunks"),
  /** Ordered DATA chunks sent, retransmissions excluded. */
  SCTP_OUT_ORDER_CHUNKS("SctpOutOrderChunks"),
  /** Unordered DATA chunks sent, retransmissions excluded. */
  SCTP_OUT_UNORDER_CHUNKS("SctpOutUnorderChunks"),
  /** Control chunks received, duplicates excluded. */
  SCTP_IN_CTRL_CHUNKS("SctpInCtrlChunks"),
  /** Ordered DATA chunks received, duplicates excluded. */
  SCTP_IN_ORDER_CHUNKS("SctpInOrderChunks"),
  /** Unordered DATA chunks received, duplicates excluded. */
  SCTP_IN_UNORDER_CHUNKS("SctpInUnorderChunks"),
  /** User messages that had to be fragmented. */
  SCTP_FRAG_USR_MSGS("SctpFragUsrMsgs"),
  /** User messages reassembled from fragments. */
  SCTP_REASM_USR_MSGS("SctpReasmUsrMsgs"),
  /** SCTP packets sent, retransmissions included. */
  SCTP_OUT_SCTP_PACKS("SctpOutSCTPPacks"),
  /** SCTP packets received, duplicates included. */
  SCTP_IN_SCTP_PACKS("SctpInSCTPPacks"),
  /** T1-init expiries. */
  SCTP_T1_INIT_EXPIREDS("SctpT1InitExpireds"),
  /** T1-cookie expiries. */
  SCTP_T1_COOKIE_EXPIREDS("SctpT1CookieExpireds"),
  /** T2-shutdown expiries. */
  SCTP_T2_SHUTDOWN_EXPIREDS("SctpT2ShutdownExpireds"),
  /** T3-rtx expiries. */
  SCTP_T3_RTX_EXPIREDS("SctpT3RtxExpireds"),
  /** T5-shutdown-guard expiries. */
  SCTP_T5_SHUTDOWN_GUARD_EXPIREDS("SctpT5ShutdownGuardExpireds"),
  /** Delayed-SACK timer expiries. */
  SCTP_DELAY_SACK_EXPIREDS("SctpDelaySackExpireds"),
  /** Autoclose timer expiries. */
  SCTP_AUTOCLOSE_EXPIREDS("SctpAutocloseExpireds"),
  /** DATA chunks retransmitted after a T3-rtx expiry. */
  SCTP_T3_RETRANSMITS("SctpT3Retransmits"),
  /** DATA chunks fast-retransmitted. */
  SCTP_FAST_RETRANSMITS("SctpFastRetransmits"),
  /** Packets dropped: malformed, bad verification tag, or otherwise refused. */
  SCTP_IN_PKT_DISCARDS("SctpInPktDiscards"),
  /** DATA chunks dropped: no room in the receive window, or beyond the trackable range. */
  SCTP_IN_DATA_CHUNK_DISCARDS("SctpInDataChunkDiscards"),
  /**
   * Received TSNs given up while held for reordering or reassembly, to make room in a full
   * receive window for a lower TSN (RFC 9260 section 6.2); the peer resends them.
   */
  SCTP_RENEGED_TSNS("SctpRenegedTsns"),
  /** DATA chunks dropped because the stack's total receive memory (rcvbuf_total) was used up. */
  SCTP_RCVBUF_TOTAL_DROPS("SctpRcvbufTotalDrops"),
  /** INITs and COOKIE ECHOs for new associations refused by max_associations or max_associations_per_peer. */
  SCTP_REFUSED_ASSOCIATIONS("SctpRefusedAssociations"),
  /** Peer addresses of INITs and INIT ACKs ignored beyond max_peer_addresses. */
  SCTP_IGNORED_PEER_ADDRESSES("SctpIgnoredPeerAddresses"),
  /** Heartbeats to unconfirmed addresses deferred to the next RTO by hb_max_burst. */
  SCTP_DEFERRED_PROBES("SctpDeferredProbes"),
  /** Duplicate DATA chunks received. */
  SCTP_IN_DUPLICATE_TSNS("SctpInDuplicateTsns"),
  /** HEARTBEAT chunks sent, PLPMTUD probes not included. */
  SCTP_HEARTBEATS_SENT("SctpHeartbeatsSent"),
  /** HEARTBEAT ACK chunks received that matched an outstanding heartbeat (not a probe). */
  SCTP_HEARTBEAT_ACKS_RECEIVED("SctpHeartbeatAcksReceived"),
  /** Path transitions into potentially failed (RFC 7829). */
  SCTP_PF_ENTRIES("SctpPfEntries"),
  /** Path transitions into INACTIVE. */
  SCTP_INACTIVE_ENTRIES("SctpInactiveEntries"),
  /** Changes of the path carrying new data. */
  SCTP_PATH_SWITCHOVERS("SctpPathSwitchovers"),
  /** Primary changes by primary path switchover (RFC 7829 section 5). */
  SCTP_PRIMARY_SWITCHOVERS("SctpPrimarySwitchovers"),
  /** Expiries of the RE-CONFIG retransmission timer (RFC 6525 section 5.1.1). */
  SCTP_RECONFIG_EXPIREDS("SctpReconfigExpireds"),
  /** RE-CONFIG parameters ignored: beyond two in a chunk, or of an unknown type (RFC 6525 section 3.1). */
  SCTP_IN_RECONFIG_DISCARDS("SctpInReconfigDiscards"),
  /** AUTH chunks received whose HMAC verified (RFC 4895 section 6.3). */
  SCTP_IN_AUTH_CHUNKS("SctpInAuthChunks"),
  /** AUTH chunks sent (RFC 4895 section 6.2). */
  SCTP_OUT_AUTH_CHUNKS("SctpOutAuthChunks"),
  /** AUTH chunks whose HMAC did not verify: they and the chunks after them were discarded. */
  SCTP_IN_AUTH_BAD_HMACS("SctpInAuthBadHmacs"),
  /** AUTH chunks naming a Shared Key Identifier with no key: discarded with what follows. */
  SCTP_IN_AUTH_UNKNOWN_KEYS("SctpInAuthUnknownKeys"),
  /** AUTH chunks with an HMAC Identifier we did not list: discarded, reported (cause 0x0105). */
  SCTP_IN_AUTH_UNSUPPORTED_HMACS("SctpInAuthUnsupportedHmacs"),
  /** Chunks discarded because they had to follow a verified AUTH chunk and did not. */
  SCTP_IN_AUTH_MISSING("SctpInAuthMissing"),
  /** Expiries of T-4 RTO, the ASCONF retransmission timer (RFC 5061 section 5.1). */
  SCTP_ASCONF_EXPIREDS("SctpAsconfExpireds"),
  /**
   * ASCONF and ASCONF-ACK chunks dropped unanswered on an association with ADD-IP: not
   * authenticated (RFC 5061 section 4.1.1), a serial number neither next nor the last answered
   * (section 5.2), or an ASCONF-ACK answering no ASCONF in flight. Without ADD-IP they are
   * unknown chunks, skipped and reported.
   */
  SCTP_IN_ASCONF_DISCARDS("SctpInAsconfDiscards"),
  /** Requests of ours (add, delete, set primary address) the peer refused or did not understand. */
  SCTP_ASCONF_REFUSED("SctpAsconfRefused"),
  /** Requests of the peer's refused with an Error Cause Indication (RFC 5061 section 5.3). */
  SCTP_PEER_ASCONF_REFUSED("SctpPeerAsconfRefused"),
  /** PLPMTUD probes sent: HEARTBEAT plus PAD packets of the probed size (RFC 8899 section 6.2). */
  SCTP_PLPMTUD_PROBES_SENT("SctpPlpmtudProbesSent"),
  /** PLPMTUD probes acknowledged by a HEARTBEAT ACK: their size gets through. */
  SCTP_PLPMTUD_PROBES_ACKED("SctpPlpmtudProbesAcked"),
  /** PLPMTUD probes unanswered within the probe interval (neither congestion nor path errors). */
  SCTP_PLPMTUD_PROBES_LOST("SctpPlpmtudProbesLost"),
  /** Paths whose confirmed PLPMTU stopped getting through, so that they fell back to BASE_PLPMTU. */
  SCTP_PLPMTUD_BLACK_HOLES("SctpPlpmtudBlackHoles"),
  /**
   * Packets sent larger than their path's PLPMTU, marked for fragmentation by the sender: a chunk
   * that already had a TSN (or a control chunk) and no longer fits, or a path in PLPMTUD ERROR
   * (RFC 8899 section 4.4).
   */
  SCTP_OUT_FRAGMENTABLE_PACKS("SctpOutFragmentablePacks"),
  /** Packets whose handling hit a bug in this stack; the packet is dropped, the loop goes on. */
  SCTP_INTERNAL_ERRORS("SctpInternalErrors"),
  /** HA replication records emitted for standbys, snapshots included (docs/ha.md). */
  SCTP_HA_RECORDS("SctpHaRecords"),
  /** HA replication records that carried a full association snapshot. */
  SCTP_HA_SNAPSHOTS("SctpHaSnapshots"),
  /** Associations a standby restored from a snapshot and took over. */
  SCTP_HA_TAKEOVERS("SctpHaTakeovers");

  private final String mibName;

  MibCounter(String mibName) {
    this.mibName = mibName;
  }

  /** The name as in {@code /proc/net/sctp/snmp}. */
  public String mibName() {
    return mibName;
  }
}
