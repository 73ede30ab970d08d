package org.jsctp.tx;

import java.util.List;
import org.jsctp.wire.SackChunk;

/**
 * Which outstanding TSNs a SACK counts a miss indication against (RFC 9260 section 7.2.4): the
 * TSNs not acknowledged below the limit returned here.
 */
final class MissIndications {

  private MissIndications() {}

  /**
   * HTNA: the highest TSN newly acknowledged. In Fast Recovery a SACK that advances the
   * cumulative TSN ack counts a miss for every TSN it reports missing, which are the TSNs below
   * the highest it acknowledges (cumulatively or in a gap block), never those above: a TSN sent
   * after everything the SACK covers is still on its way, and a burst of such SACKs would
   * otherwise mark it for fast retransmission while it is in flight. usrsctp stops striking at
   * the highest TSN the SACK acknowledges likewise (this_sack_highest_gap).
   */
  static long limit(long cum, List<SackChunk.GapAckBlock> gaps, long highestSent,
      long highestNewlyAcked, boolean inFastRecovery, boolean cumAdvanced) {
    if (!inFastRecovery || !cumAdvanced) {
      return highestNewlyAcked;
    }
    long highestAcked = cum;
    if (gaps != null) {
      for (int g = 0; g < gaps.size(); g++) {
        SackChunk.GapAckBlock block = gaps.get(g);
        if (block.start() >= 1 && block.end() >= block.start()) {
          highestAcked = Math.max(highestAcked, Math.min(cum + block.end(), highestSent));
        }
      }
    }
    return highestAcked;
  }
}
