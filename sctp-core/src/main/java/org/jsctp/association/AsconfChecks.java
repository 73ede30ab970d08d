package org.jsctp.association;

import org.jsctp.stats.MibCounter;
import org.jsctp.wire.Chunk;

/** What both sides of ADD-IP ({@link AsconfSender}, {@link AsconfReceiver}) ask of an association. */
final class AsconfChecks {

  private AsconfChecks() {}

  /** The association's ADD-IP state, or null when it did not negotiate ADD-IP or has no TCB. */
  static AsconfState state(SctpAssociation a) {
    Tcb tcb = a.tcb();
    return tcb == null ? null : tcb.asconf;
  }

  /**
   * Whether the ASCONF or ASCONF-ACK being handled may be taken: it came authenticated, or
   * addip_noauth_enable lets it go without (RFC 5061 section 4.1.1).
   */
  static boolean mayTake(SctpAssociation a) {
    return a.options.asconfWithoutAuth() || a.chunkAuthenticated();
  }

  /**
   * An ASCONF or ASCONF-ACK on an association that did not negotiate ADD-IP: a chunk it does not
   * know (RFC 9260 section 3.2; its type bits say skip and report), as FreeBSD treats it; the
   * ERROR stops the peer's ASCONFs (RFC 5061 section 5.1 A9). Returns whether the packet's
   * processing goes on.
   */
  static boolean notNegotiated(SctpAssociation a, Chunk chunk, Destination source) {
    return UnrecognizedChunks.handle(a, chunk, source);
  }

  /** Counts an ASCONF or ASCONF-ACK dropped unanswered. */
  static void discard(SctpAssociation a) {
    a.counters.increment(MibCounter.SCTP_IN_ASCONF_DISCARDS);
  }
}
