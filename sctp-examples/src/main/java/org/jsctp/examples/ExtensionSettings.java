package org.jsctp.examples;

import java.io.IOException;
import org.jsctp.api.StreamSchedulerKind;
import org.jsctp.netty.SctpSocketOption;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.option.PrInfo;

/**
 * The SCTP extensions a tool asks for on its channels: PR-SCTP (RFC 3758, RFC 7496) on or off and
 * the policy of every send, I-DATA (RFC 8260) and the stream scheduler. What is not asked for
 * keeps the stack's default.
 *
 * @param noPr whether PR-SCTP is not offered (SCTP_PR_SUPPORTED off)
 * @param prInfo the PR-SCTP policy of every send (SCTP_DEFAULT_PRINFO), or null for none
 * @param interleaving whether I-DATA is offered (SCTP_FRAGMENT_INTERLEAVE 2 and
 *     SCTP_INTERLEAVING_SUPPORTED): pieces of messages of different streams then interleave in
 *     receives
 * @param scheduler the stream scheduler (SCTP_STREAM_SCHEDULER), or null for the default
 */
record ExtensionSettings(
    boolean noPr, PrInfo prInfo, boolean interleaving, StreamSchedulerKind scheduler) {

  /** Nothing asked for: the stack's defaults. */
  static final ExtensionSettings DEFAULTS = new ExtensionSettings(false, null, false, null);

  /**
   * Sets one option on a channel: {@code SctpChannel::setOption}, {@code
   * SctpServerChannel::setOption}, or the template of a one-to-many channel.
   */
  interface OptionSetter {
    <T> void set(SctpSocketOption<T> name, T value) throws IOException;
  }

  /** Whether sends carry a PR-SCTP policy, so that messages may be abandoned. */
  boolean prPolicy() {
    return prInfo != null;
  }

  /** Whether anything differs from the stack's defaults. */
  boolean any() {
    return !equals(DEFAULTS);
  }

  /** Sets the options asked for, before the association is set up. */
  void apply(OptionSetter channel) throws IOException {
    if (noPr) {
      channel.set(SctpStandardSocketOptions.SCTP_PR_SUPPORTED, false);
    }
    if (prInfo != null) {
      channel.set(SctpStandardSocketOptions.SCTP_DEFAULT_PRINFO, prInfo);
    }
    if (interleaving) {
      // RFC 6458 section 8.1.20 level 2 first: with I-DATA pieces of different streams interleave.
      channel.set(SctpStandardSocketOptions.SCTP_FRAGMENT_INTERLEAVE, 2);
      channel.set(SctpStandardSocketOptions.SCTP_INTERLEAVING_SUPPORTED, true);
    }
    if (scheduler != null) {
      channel.set(SctpStandardSocketOptions.SCTP_STREAM_SCHEDULER, scheduler);
    }
  }
}
