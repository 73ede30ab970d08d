package org.jsctp.wire;

/**
 * Decodes one parameter by its type; the caller has checked that the value lies inside the input.
 */
final class Parameters {

  private Parameters() {}

  static Parameter parse(int type, byte[] b, int off, int len) throws WireFormatException {
    return switch (type) {
      case ParameterType.HEARTBEAT_INFO -> HeartbeatInfoParameter.parse(b, off, len);
      case ParameterType.IPV4_ADDRESS -> Ipv4AddressParameter.parse(b, off, len);
      case ParameterType.IPV6_ADDRESS -> Ipv6AddressParameter.parse(b, off, len);
      case ParameterType.STATE_COOKIE -> StateCookieParameter.parse(b, off, len);
      case ParameterType.UNRECOGNIZED_PARAMETER -> UnrecognizedParameter.parse(b, off, len);
      case ParameterType.COOKIE_PRESERVATIVE -> CookiePreservativeParameter.parse(b, off, len);
      case ParameterType.HOST_NAME_ADDRESS -> HostNameAddressParameter.parse(b, off, len);
      case ParameterType.SUPPORTED_ADDRESS_TYPES ->
          SupportedAddressTypesParameter.parse(b, off, len);
      case ParameterType.OUTGOING_SSN_RESET_REQUEST ->
          OutgoingSsnResetRequestParameter.parse(b, off, len);
      case ParameterType.INCOMING_SSN_RESET_REQUEST ->
          IncomingSsnResetRequestParameter.parse(b, off, len);
      case ParameterType.SSN_TSN_RESET_REQUEST -> SsnTsnResetRequestParameter.parse(b, off, len);
      case ParameterType.RECONFIGURATION_RESPONSE ->
          ReconfigurationResponseParameter.parse(b, off, len);
      case ParameterType.ADD_OUTGOING_STREAMS_REQUEST ->
          AddOutgoingStreamsRequestParameter.parse(b, off, len);
      case ParameterType.ADD_INCOMING_STREAMS_REQUEST ->
          AddIncomingStreamsRequestParameter.parse(b, off, len);
      case ParameterType.ZERO_CHECKSUM_ACCEPTABLE ->
          ZeroChecksumAcceptableParameter.parse(b, off, len);
      case ParameterType.RANDOM -> RandomParameter.parse(b, off, len);
      case ParameterType.CHUNK_LIST -> ChunkListParameter.parse(b, off, len);
      case ParameterType.HMAC_ALGORITHM -> HmacAlgorithmParameter.parse(b, off, len);
      case ParameterType.PADDING -> PaddingParameter.parse(b, off, len);
      case ParameterType.SUPPORTED_EXTENSIONS -> SupportedExtensionsParameter.parse(b, off, len);
      case ParameterType.FORWARD_TSN_SUPPORTED -> ForwardTsnSupportedParameter.parse(b, off, len);
      case ParameterType.ADD_IP_ADDRESS -> AddIpAddressParameter.parse(b, off, len);
      case ParameterType.DELETE_IP_ADDRESS -> DeleteIpAddressParameter.parse(b, off, len);
      case ParameterType.ERROR_CAUSE_INDICATION -> ErrorCauseIndicationParameter.parse(b, off, len);
      case ParameterType.SET_PRIMARY_ADDRESS -> SetPrimaryAddressParameter.parse(b, off, len);
      case ParameterType.SUCCESS_INDICATION -> SuccessIndicationParameter.parse(b, off, len);
      case ParameterType.ADAPTATION_LAYER_INDICATION ->
          AdaptationLayerIndicationParameter.parse(b, off, len);
      default -> UnknownParameter.parse(type, b, off, len);
    };
  }
}
