package org.jsctp.examples;

import org.jsctp.api.PrPolicy;
import org.jsctp.api.StreamSchedulerKind;
import org.jsctp.netty.option.PrInfo;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The echo tools' flags for the SCTP extensions: a PR-SCTP policy for every send or no PR-SCTP at
 * all, I-DATA, and the stream scheduler. {@link #settings()} checks them and answers the {@link
 * ExtensionSettings} to apply.
 */
final class ExtensionFlags {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--pr-ttl",
      paramLabel = "MS",
      description =
          "PR-SCTP timed reliability (RFC 3758): a message not acknowledged MS milliseconds after"
              + " its send call is abandoned, sent or not (SCTP_DEFAULT_PRINFO TTL).")
  Long prTtl;

  @Option(
      names = "--pr-rtx",
      paramLabel = "N",
      description =
          "PR-SCTP limited retransmissions (RFC 7496): each chunk is retransmitted at most N times,"
              + " then its message is abandoned; 0 sends once (SCTP_DEFAULT_PRINFO RTX).")
  Long prRtx;

  @Option(
      names = "--pr-prio",
      paramLabel = "N",
      description =
          "PR-SCTP priority (RFC 7496): when the send buffer is full, unsent messages of a lower"
              + " priority (a larger N, 0 is the highest) are abandoned to make room"
              + " (SCTP_DEFAULT_PRINFO PRIO).")
  Long prPrio;

  @Option(names = "--no-pr", description = "Do not offer PR-SCTP (SCTP_PR_SUPPORTED off).")
  boolean noPr;

  @Option(
      names = "--idata",
      description =
          "Offer I-DATA (RFC 8260), so that pieces of large messages of different streams"
              + " interleave (SCTP_FRAGMENT_INTERLEAVE 2, SCTP_INTERLEAVING_SUPPORTED); used when"
              + " both sides offer it.")
  boolean idata;

  @Option(
      names = "--scheduler",
      paramLabel = "NAME",
      converter = SchedulerNames.class,
      completionCandidates = SchedulerNames.class,
      description =
          "The stream scheduler (RFC 8260 section 3, SCTP_STREAM_SCHEDULER): ${COMPLETION-CANDIDATES};"
              + " default fcfs. Without I-DATA a message once started still goes out whole.")
  StreamSchedulerKind scheduler;

  /**
   * The extensions asked for.
   *
   * @throws picocli.CommandLine.ParameterException (exit code 2) for a value out of range or
   *     flags that exclude each other
   */
  ExtensionSettings settings() {
    int policies = (prTtl == null ? 0 : 1) + (prRtx == null ? 0 : 1) + (prPrio == null ? 0 : 1);
    Usage.check(spec, policies <= 1, "--pr-ttl, --pr-rtx and --pr-prio exclude each other");
    Usage.check(spec, !noPr || policies == 0, "--no-pr excludes --pr-ttl, --pr-rtx and --pr-prio");
    PrInfo prInfo = null;
    if (prTtl != null) {
      Usage.checkRange(spec, "--pr-ttl", prTtl, 1, Integer.MAX_VALUE);
      prInfo = new PrInfo(PrPolicy.TTL, prTtl.intValue());
    } else if (prRtx != null) {
      Usage.checkRange(spec, "--pr-rtx", prRtx, 0, Integer.MAX_VALUE);
      prInfo = new PrInfo(PrPolicy.RTX, prRtx.intValue());
    } else if (prPrio != null) {
      Usage.checkRange(spec, "--pr-prio", prPrio, 0, Integer.MAX_VALUE);
      prInfo = new PrInfo(PrPolicy.PRIO, prPrio.intValue());
    }
    return new ExtensionSettings(noPr, prInfo, idata, scheduler);
  }
}
