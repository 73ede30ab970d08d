package org.jsctp.wire;

/** Decodes one error cause by its code; the caller has checked that it lies inside the input. */
final class ErrorCauses {

  private ErrorCauses() {}

  static ErrorCause parse(int code, byte[] b, int off, int len) throws WireFormatException {
    return switch (code) {
      case CauseCode.INVALID_STREAM_IDENTIFIER -> InvalidStreamIdentifierCause.parse(b, off, len);
      case CauseCode.MISSING_MANDATORY_PARAMETER ->
          MissingMandatoryParameterCause.parse(b, off, len);
      case CauseCode.STALE_COOKIE -> StaleCookieCause.parse(b, off, len);
      case CauseCode.OUT_OF_RESOURCE -> OutOfResourceCause.parse(b, off, len);
      case CauseCode.UNRESOLVABLE_ADDRESS -> UnresolvableAddressCause.parse(b, off, len);
      case CauseCode.UNRECOGNIZED_CHUNK_TYPE -> UnrecognizedChunkTypeCause.parse(b, off, len);
      case CauseCode.INVALID_MANDATORY_PARAMETER ->
          InvalidMandatoryParameterCause.parse(b, off, len);
      case CauseCode.UNRECOGNIZED_PARAMETERS -> UnrecognizedParametersCause.parse(b, off, len);
      case CauseCode.NO_USER_DATA -> NoUserDataCause.parse(b, off, len);
      case CauseCode.COOKIE_RECEIVED_WHILE_SHUTTING_DOWN ->
          CookieReceivedWhileShuttingDownCause.parse(b, off, len);
      case CauseCode.RESTART_WITH_NEW_ADDRESSES -> RestartWithNewAddressesCause.parse(b, off, len);
      case CauseCode.USER_INITIATED_ABORT -> UserInitiatedAbortCause.parse(b, off, len);
      case CauseCode.PROTOCOL_VIOLATION -> ProtocolViolationCause.parse(b, off, len);
      case CauseCode.RESTART_WITH_NEW_ENCAPSULATION_PORT ->
          RestartWithNewEncapsulationPortCause.parse(b, off, len);
      case CauseCode.DELETE_LAST_ADDRESS -> DeleteLastAddressCause.parse(b, off, len);
      case CauseCode.RESOURCE_SHORTAGE -> ResourceShortageCause.parse(b, off, len);
      case CauseCode.DELETE_SOURCE_ADDRESS -> DeleteSourceAddressCause.parse(b, off, len);
      case CauseCode.ILLEGAL_ASCONF_ACK -> IllegalAsconfAckCause.parse(b, off, len);
      case CauseCode.NO_AUTHORIZATION -> NoAuthorizationCause.parse(b, off, len);
      case CauseCode.UNSUPPORTED_HMAC_IDENTIFIER ->
          UnsupportedHmacIdentifierCause.parse(b, off, len);
      default -> UnknownCause.parse(code, b, off, len);
    };
  }
}
