package org.jsctp.netty.option;

/**
 * SCTP_DEFAULT_SEND_PARAM (RFC 6458 section 8.1.13, struct sctp_sndrcvinfo): what a send without a
 * {@code MessageInfo} (null) uses.
 *
 * @param stream the stream number (sinfo_stream)
 * @param payloadProtocolId the payload protocol identifier (sinfo_ppid)
 * @param unordered send unordered (SCTP_UNORDERED in sinfo_flags)
 * @param timeToLive ms before an unsent message is abandoned, 0 = unlimited (sinfo_timetolive)
 * @param context an application value returned in a send-failed notification's reason
 *     (sinfo_context)
 */
public record DefaultSendParam(
    int stream, int payloadProtocolId, boolean unordered, long timeToLive, long context) {

  /** Checks the ranges. */
  public DefaultSendParam {
    Ranges.check("SCTP_DEFAULT_SEND_PARAM", "sinfo_stream", stream, 0, 0xFFFF);
    Ranges.check("SCTP_DEFAULT_SEND_PARAM", "sinfo_timetolive", timeToLive, 0, 0xFFFF_FFFFL);
  }

  /** Stream 0, PPID 0, ordered, no time limit. */
  public static DefaultSendParam defaults() {
    return new DefaultSendParam(0, 0, false, 0, 0);
  }
}
