package org.jsctp.api;

/**
 * The state of path MTU discovery on one path (RFC 8899 section 5.2), as SCTP_GET_PEER_ADDR_INFO
 * reports it.
 */
public enum PlpmtudState {
  /** Off (plpmtud_probe_interval 0): the path MTU is the configured path_mtu. */
  DISABLED,
  /** Confirming that BASE_PLPMTU (1200 bytes) gets through; data is sent at that size. */
  BASE,
  /** Probing for a larger PLPMTU than the one confirmed. */
  SEARCHING,
  /** The search ended; the PLPMTU is kept until a black hole or the raise timer (600 s). */
  SEARCH_COMPLETE,
  /**
   * Even BASE_PLPMTU probes went unanswered: data stays at that size, its packets may be
   * fragmented by the sender, and BASE_PLPMTU is probed again every probe interval.
   */
  ERROR
}
