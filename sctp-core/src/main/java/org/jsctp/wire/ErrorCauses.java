package org.jsctp.wire;

/** Decodes one error cause by its code; the caller has checked that it lies inside the input. */
final class ErrorCauses {

  private ErrorCauses() {}

  static ErrorCause parse(int code, byte[] b, int off, int len) throws WireFormatException {
    switch (code) {
      case CauseCode.INVALID_STREAM_IDENTIFIER:
        return InvalidStreamIdentifierCause.parse(b, off, len);
      case CauseCode.MISSING_MANDATORY_PARAMETER:
        return MissingMandatoryParameterCause.parse(b, off, len);
      case CauseCode.STALE_COOKIE:
        return StaleCookieCause.parse(b, off, len);
      case CauseCode.OUT_OF_RESOURCE:
        return OutOfResourceCause.parse(b, off, len);
      case CauseCode.UNRESOLVABLE_ADDRESS:
        return UnresolvableAddressCause.parse(b, off, len);
      case CauseCode.UNRECOGNIZED_CHUNK_TYPE:
        return UnrecognizedChunkTypeCause.parse(b, off, len);
      case CauseCode.INVALID_MANDATORY_PARAMETER:
        return InvalidMandatoryParameterCause.parse(b, off, len);
      case CauseCode.UNRECOGNIZED_PARAMETERS:
        return UnrecognizedParametersCause.parse(b, off, len);
      case CauseCode.NO_USER_DATA:
        return NoUserDataCause.parse(b, off, len);
      case CauseCode.COOKIE_RECEIVED_WHILE_SHUTTING_DOWN:
        return CookieReceivedWhileShuttingDownCause.parse(b, off, len);
      case CauseCode.RESTART_WITH_NEW_ADDRESSES:
        return RestartWithNewAddressesCause.parse(b, off, len);
      case CauseCode.USER_INITIATED_ABORT:
        return UserInitiatedAbortCause.parse(b, off, len);
      case CauseCode.PROTOCOL_VIOLATION:
        return ProtocolViolationCause.parse(b, off, len);
      case CauseCode.RESTART_WITH_NEW_ENCAPSULATION_PORT:
        return RestartWithNewEncapsulationPortCause.parse(b, off, len);
      case CauseCode.DELETE_LAST_ADDRESS:
        return DeleteLastAddressCause.parse(b, off, len);
      case CauseCode.RESOURCE_SHORTAGE:
        return ResourceShortageCause.parse(b, off, len);
      case CauseCode.DELETE_SOURCE_ADDRESS:
        return DeleteSourceAddressCause.parse(b, off, len);
      case CauseCode.ILLEGAL_ASCONF_ACK:
        return IllegalAsconfAckCause.parse(b, off, len);
      case CauseCode.NO_AUTHORIZATION:
        return NoAuthorizationCause.parse(b, off, len);
      case CauseCode.UNSUPPORTED_HMAC_IDENTIFIER:
        return UnsupportedHmacIdentifierCause.parse(b, off, len);
      default:
        return UnknownCause.parse(code, b, off, len);
    }
  }
}
