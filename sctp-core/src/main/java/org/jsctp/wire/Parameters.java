package org.jsctp.wire;

/**
 * Decodes one parameter by its type; the caller has checked that the value lies inside the input.
 */
final class Parameters {

  private Parameters() {}

  static Parameter parse(int type, byte[] b, int off, int len) throws WireFormatException {
    switch (type) {
      case ParameterType.HEARTBEAT_INFO:
        return HeartbeatInfoParameter.parse(b, off, len);
      case ParameterType.IPV4_ADDRESS:
        return Ipv4AddressParameter.parse(b, off, len);
      case ParameterType.IPV6_ADDRESS:
        return Ipv6AddressParameter.parse(b, off, len);
      case ParameterType.STATE_COOKIE:
        return StateCookieParameter.parse(b, off, len);
      case ParameterType.UNRECOGNIZED_PARAMETER:
        return UnrecognizedParameter.parse(b, off, len);
      case ParameterType.COOKIE_PRESERVATIVE:
        return CookiePreservativeParameter.parse(b, off, len);
      case ParameterType.HOST_NAME_ADDRESS:
        return HostNameAddressParameter.parse(b, off, len);
      case ParameterType.SUPPORTED_ADDRESS_TYPES:
        return SupportedAddressTypesParameter.parse(b, off, len);
      case ParameterType.OUTGOING_SSN_RESET_REQUEST:
        return OutgoingSsnResetRequestParameter.parse(b, off, len);
      case ParameterType.INCOMING_SSN_RESET_REQUEST:
        return IncomingSsnResetRequestParameter.parse(b, off, len);
      case ParameterType.SSN_TSN_RESET_REQUEST:
        return SsnTsnResetRequestParameter.parse(b, off, len);
      case ParameterType.RECONFIGURATION_RESPONSE:
        return ReconfigurationResponseParameter.parse(b, off, len);
      case ParameterType.ADD_OUTGOING_STREAMS_REQUEST:
        return AddOutgoingStreamsRequestParameter.parse(b, off, len);
      case ParameterType.ADD_INCOMING_STREAMS_REQUEST:
        return AddIncomingStreamsRequestParameter.parse(b, off, len);
      case ParameterType.ZERO_CHECKSUM_ACCEPTABLE:
        return ZeroChecksumAcceptableParameter.parse(b, off, len);
      case ParameterType.RANDOM:
        return RandomParameter.parse(b, off, len);
      case ParameterType.CHUNK_LIST:
        return ChunkListParameter.parse(b, off, len);
      case ParameterType.HMAC_ALGORITHM:
        return HmacAlgorithmParameter.parse(b, off, len);
      case ParameterType.PADDING:
        return PaddingParameter.parse(b, off, len);
      case ParameterType.SUPPORTED_EXTENSIONS:
        return SupportedExtensionsParameter.parse(b, off, len);
      case ParameterType.FORWARD_TSN_SUPPORTED:
        return ForwardTsnSupportedParameter.parse(b, off, len);
      case ParameterType.ADD_IP_ADDRESS:
        return AddIpAddressParameter.parse(b, off, len);
      case ParameterType.DELETE_IP_ADDRESS:
        return DeleteIpAddressParameter.parse(b, off, len);
      case ParameterType.ERROR_CAUSE_INDICATION:
        return ErrorCauseIndicationParameter.parse(b, off, len);
      case ParameterType.SET_PRIMARY_ADDRESS:
        return SetPrimaryAddressParameter.parse(b, off, len);
      case ParameterType.SUCCESS_INDICATION:
        return SuccessIndicationParameter.parse(b, off, len);
      case ParameterType.ADAPTATION_LAYER_INDICATION:
        return AdaptationLayerIndicationParameter.parse(b, off, len);
      default:
        return UnknownParameter.parse(type, b, off, len);
    }
  }
}
