package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * A parameter of a chunk, or of another parameter (RFC 9260 section 3.2.1):
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Parameter Type       |       Parameter Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                       Parameter Value                         /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The Length counts header and value, not the padding to a multiple of 4. The codec decodes a
 * parameter by its type wherever it appears; whether it is allowed in that chunk is the protocol's
 * business. Types without a record decode as {@link UnknownParameter}.
 */
public sealed interface Parameter extends Tlv
    permits HeartbeatInfoParameter,
        Ipv4AddressParameter,
        Ipv6AddressParameter,
        StateCookieParameter,
        UnrecognizedParameter,
        CookiePreservativeParameter,
        HostNameAddressParameter,
        SupportedAddressTypesParameter,
        OutgoingSsnResetRequestParameter,
        IncomingSsnResetRequestParameter,
        SsnTsnResetRequestParameter,
        ReconfigurationResponseParameter,
        AddOutgoingStreamsRequestParameter,
        AddIncomingStreamsRequestParameter,
        ZeroChecksumAcceptableParameter,
        RandomParameter,
        ChunkListParameter,
        HmacAlgorithmParameter,
        PaddingParameter,
        SupportedExtensionsParameter,
        ForwardTsnSupportedParameter,
        AddIpAddressParameter,
        DeleteIpAddressParameter,
        ErrorCauseIndicationParameter,
        SetPrimaryAddressParameter,
        SuccessIndicationParameter,
        AdaptationLayerIndicationParameter,
        UnknownParameter {

  /** The parameter type, 0..65535 (see {@link ParameterType}). */
  int type();

  /** The Parameter Length field: header and value, without padding. */
  @Override
  int encodedLength();

  /** The bytes the parameter takes on the wire: its Length rounded up to a multiple of 4. */
  default int paddedLength() {
    return Wire.pad4(encodedLength());
  }

  /** Writes header, value and zero padding; advances {@code out} by {@link #paddedLength()}. */
  @Override
  void writeTo(ByteBuffer out);
}
