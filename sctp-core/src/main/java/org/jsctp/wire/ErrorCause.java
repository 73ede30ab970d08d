package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * An error cause carried by ABORT, ERROR or an ASCONF Error Cause Indication (RFC 9260 section
 * 3.3.10):
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Cause Code          |       Cause Length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * /                    Cause-Specific Information                 /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Causes are padded to a multiple of 4 like parameters. Codes without a record decode as {@link
 * UnknownCause}.
 */
public sealed interface ErrorCause extends Tlv
    permits InvalidStreamIdentifierCause,
        MissingMandatoryParameterCause,
        StaleCookieCause,
        OutOfResourceCause,
        UnresolvableAddressCause,
        UnrecognizedChunkTypeCause,
        InvalidMandatoryParameterCause,
        UnrecognizedParametersCause,
        NoUserDataCause,
        CookieReceivedWhileShuttingDownCause,
        RestartWithNewAddressesCause,
        UserInitiatedAbortCause,
        ProtocolViolationCause,
        RestartWithNewEncapsulationPortCause,
        DeleteLastAddressCause,
        ResourceShortageCause,
        DeleteSourceAddressCause,
        IllegalAsconfAckCause,
        NoAuthorizationCause,
        UnsupportedHmacIdentifierCause,
        UnknownCause {

  /** The cause code, 0..65535 (see {@link CauseCode}). */
  int code();

  /** The Cause Length field: header and information, without padding. */
  @Override
  int encodedLength();

  /** The bytes the cause takes on the wire: its Length rounded up to a multiple of 4. */
  default int paddedLength() {
    return Wire.pad4(encodedLength());
  }

  /**
   * Writes header, information and zero padding; advances {@code out} by {@link #paddedLength()}.
   */
  @Override
  void writeTo(ByteBuffer out);
}
