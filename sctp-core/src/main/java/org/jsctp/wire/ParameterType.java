package org.jsctp.wire;

/** Parameter type numbers (RFC 9260 section 3.3 and the extension RFCs named on each). */
public final class ParameterType {

  public static final int HEARTBEAT_INFO = 1;
  public static final int IPV4_ADDRESS = 5;
  public static final int IPV6_ADDRESS = 6;
  public static final int STATE_COOKIE = 7;
  public static final int UNRECOGNIZED_PARAMETER = 8;
  public static final int COOKIE_PRESERVATIVE = 9;
  public static final int HOST_NAME_ADDRESS = 11;
  public static final int SUPPORTED_ADDRESS_TYPES = 12;

  /** RFC 6525. */
  public static final int OUTGOING_SSN_RESET_REQUEST = 13;

  /** RFC 6525. */
  public static final int INCOMING_SSN_RESET_REQUEST = 14;

  /** RFC 6525. */
  public static final int SSN_TSN_RESET_REQUEST = 15;

  /** RFC 6525. */
  public static final int RECONFIGURATION_RESPONSE = 16;

  /** RFC 6525. */
  public static final int ADD_OUTGOING_STREAMS_REQUEST = 17;

  /** RFC 6525. */
  public static final int ADD_INCOMING_STREAMS_REQUEST = 18;

  /** Reserved since RFC 9260 (was ECN Capable); decodes as {@link UnknownParameter}. */
  public static final int ECN_CAPABLE = 0x8000;

  /** RFC 9653. */
  public static final int ZERO_CHECKSUM_ACCEPTABLE = 0x8001;

  /** RFC 4895. */
  public static final int RANDOM = 0x8002;

  /** RFC 4895. */
  public static final int CHUNK_LIST = 0x8003;

  /** RFC 4895. */
  public static final int HMAC_ALGORITHM = 0x8004;

  /** RFC 4820. */
  public static final int PADDING = 0x8005;

  /** RFC 5061. */
  public static final int SUPPORTED_EXTENSIONS = 0x8008;

  /** RFC 3758. */
  public static final int FORWARD_TSN_SUPPORTED = 0xC000;

  /** RFC 5061. */
  public static final int ADD_IP_ADDRESS = 0xC001;

  /** RFC 5061. */
  public static final int DELETE_IP_ADDRESS = 0xC002;

  /** RFC 5061. */
  public static final int ERROR_CAUSE_INDICATION = 0xC003;

  /** RFC 5061. */
  public static final int SET_PRIMARY_ADDRESS = 0xC004;

  /** RFC 5061. */
  public static final int SUCCESS_INDICATION = 0xC005;

  /** RFC 5061. */
  public static final int ADAPTATION_LAYER_INDICATION = 0xC006;

  private ParameterType() {}

  /**
   * A short name for logs and messages, such as {@code "State Cookie"} or {@code "type 0x1234"}.
   */
  public static String name(int type) {
    switch (type) {
      case HEARTBEAT_INFO:
        return "Heartbeat Info";
      case IPV4_ADDRESS:
        return "IPv4 Address";
      case IPV6_ADDRESS:
        return "IPv6 Address";
      case STATE_COOKIE:
        return "State Cookie";
      case UNRECOGNIZED_PARAMETER:
        return "Unrecognized Parameter";
      case COOKIE_PRESERVATIVE:
        return "Cookie Preservative";
      case HOST_NAME_ADDRESS:
        return "Host Name Address";
      case SUPPORTED_ADDRESS_TYPES:
        return "Supported Address Types";
      case OUTGOING_SSN_RESET_REQUEST:
        return "Outgoing SSN Reset Request";
      case INCOMING_SSN_RESET_REQUEST:
        return "Incoming SSN Reset Request";
      case SSN_TSN_RESET_REQUEST:
        return "SSN/TSN Reset Request";
      case RECONFIGURATION_RESPONSE:
        return "Re-configuration Response";
      case ADD_OUTGOING_STREAMS_REQUEST:
        return "Add Outgoing Streams Request";
      case ADD_INCOMING_STREAMS_REQUEST:
        return "Add Incoming Streams Request";
      case ECN_CAPABLE:
        return "ECN Capable";
      case ZERO_CHECKSUM_ACCEPTABLE:
        return "Zero Checksum Acceptable";
      case RANDOM:
        return "Random";
      case CHUNK_LIST:
        return "Chunk List";
      case HMAC_ALGORITHM:
        return "Requested HMAC Algorithm";
      case PADDING:
        return "Padding";
      case SUPPORTED_EXTENSIONS:
        return "Supported Extensions";
      case FORWARD_TSN_SUPPORTED:
        return "Forward-TSN Supported";
      case ADD_IP_ADDRESS:
        return "Add IP Address";
      case DELETE_IP_ADDRESS:
        return "Delete IP Address";
      case ERROR_CAUSE_INDICATION:
        return "Error Cause Indication";
      case SET_PRIMARY_ADDRESS:
        return "Set Primary Address";
      case SUCCESS_INDICATION:
        return "Success Indication";
      case ADAPTATION_LAYER_INDICATION:
        return "Adaptation Layer Indication";
      default:
        return "type " + Wire.hex16(type);
    }
  }
}
