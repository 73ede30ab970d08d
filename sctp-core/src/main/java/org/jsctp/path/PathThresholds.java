package org.jsctp.path;

import org.jsctp.api.PathState;
/**
 * The error thresholds of one path (SCTP_PEER_ADDR_THLDS, RFC 7829 section 7.3): Path.Max.Retrans
 * and the potentially-failed threshold. A PF threshold above Path.Max.Retrans, or PF switched
 * off, means a path goes from ACTIVE straight to INACTIVE.
 *
 * @param pathMaxRetrans errors beyond this make the path INACTIVE
 * @param pfRetrans errors beyond this make the path potentially failed
 * @param pfEnabled whether SCTP-PF is switched on at all
 */
public record PathThresholds(int pathMaxRetrans, int pfRetrans, boolean pfEnabled) {

  public PathThresholds {
    if (pathMaxRetrans < 0 || pathMaxRetrans > 0xFFFF) {
      throw new IllegalArgumentException("pathMaxRetrans out of range 0..65535: " + pathMaxRetrans);
    }
    if (pfRetrans < 0 || pfRetrans > 0xFFFF) {
      throw new IllegalArgumentException("pfRetrans out of range 0..65535: " + pfRetrans);
    }
  }

  /** Whether a path can enter PF under these thresholds (RFC 7829 section 3.2 rule 1). */
  public boolean pfActive() {
    return pfEnabled && pfRetrans < pathMaxRetrans;
  }

  /**
   * The state an error count leads to, for a path that is currently confirmed. The counter is
   * the only input: a path at or below {@code pfRetrans} errors is ACTIVE.
   */
  public PathState stateForErrors(int errorCount) {
    if (errorCount > pathMaxRetrans) {
      return PathState.INACTIVE;
    }
    if (pfActive() && errorCount > pfRetrans) {
      return PathState.POTENTIALLY_FAILED;
    }
    return PathState.ACTIVE;
  }
}
