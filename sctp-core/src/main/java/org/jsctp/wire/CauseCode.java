package org.jsctp.wire;

/** Error cause codes (RFC 9260 section 3.3.10 and the documents named on each). */
public final class CauseCode {

  public static final int INVALID_STREAM_IDENTIFIER = 1;
  public static final int MISSING_MANDATORY_PARAMETER = 2;
  public static final int STALE_COOKIE = 3;
  public static final int OUT_OF_RESOURCE = 4;
  public static final int UNRESOLVABLE_ADDRESS = 5;
  public static final int UNRECOGNIZED_CHUNK_TYPE = 6;
  public static final int INVALID_MANDATORY_PARAMETER = 7;
  public static final int UNRECOGNIZED_PARAMETERS = 8;
  public static final int NO_USER_DATA = 9;
  public static final int COOKIE_RECEIVED_WHILE_SHUTTING_DOWN = 10;
  public static final int RESTART_WITH_NEW_ADDRESSES = 11;
  public static final int USER_INITIATED_ABORT = 12;
  public static final int PROTOCOL_VIOLATION = 13;

  /** draft-tuexen-tsvwg-sctp-udp-encaps-cons; Linux {@code SCTP_ERROR_NEW_ENCAP_PORT}. */
  public static final int RESTART_WITH_NEW_ENCAPSULATION_PORT = 14;

  /** RFC 5061. */
  public static final int DELETE_LAST_ADDRESS = 0xA0;

  /** RFC 5061. */
  public static final int RESOURCE_SHORTAGE = 0xA1;

  /** RFC 5061. */
  public static final int DELETE_SOURCE_ADDRESS = 0xA2;

  /** RFC 5061. */
  public static final int ILLEGAL_ASCONF_ACK = 0xA3;

  /** RFC 5061. */
  public static final int NO_AUTHORIZATION = 0xA4;

  /** RFC 4895. */
  public static final int UNSUPPORTED_HMAC_IDENTIFIER = 0x0105;

  private CauseCode() {}

  /** A short name for logs and messages, such as {@code "Stale Cookie"} or {@code "code 0x99"}. */
  public static String name(int code) {
    switch (code) {
      case INVALID_STREAM_IDENTIFIER:
        return "Invalid Stream Identifier";
      case MISSING_MANDATORY_PARAMETER:
        return "Missing Mandatory Parameter";
      case STALE_COOKIE:
        return "Stale Cookie";
      case OUT_OF_RESOURCE:
        return "Out of Resource";
      case UNRESOLVABLE_ADDRESS:
        return "Unresolvable Address";
      case UNRECOGNIZED_CHUNK_TYPE:
        return "Unrecognized Chunk Type";
      case INVALID_MANDATORY_PARAMETER:
        return "Invalid Mandatory Parameter";
      case UNRECOGNIZED_PARAMETERS:
        return "Unrecognized Parameters";
      case NO_USER_DATA:
        return "No User Data";
      case COOKIE_RECEIVED_WHILE_SHUTTING_DOWN:
        return "Cookie Received While Shutting Down";
      case RESTART_WITH_NEW_ADDRESSES:
        return "Restart of an Association with New Addresses";
      case USER_INITIATED_ABORT:
        return "User-Initiated Abort";
      case PROTOCOL_VIOLATION:
        return "Protocol Violation";
      case RESTART_WITH_NEW_ENCAPSULATION_PORT:
        return "Restart of an Association with New Encapsulation Port";
      case DELETE_LAST_ADDRESS:
        return "Request to Delete Last Remaining IP Address";
      case RESOURCE_SHORTAGE:
        return "Operation Refused Due to Resource Shortage";
      case DELETE_SOURCE_ADDRESS:
        return "Request to Delete Source IP Address";
      case ILLEGAL_ASCONF_ACK:
        return "SctpAssociation Aborted Due to Illegal ASCONF-ACK";
      case NO_AUTHORIZATION:
        return "Request Refused - No Authorization";
      case UNSUPPORTED_HMAC_IDENTIFIER:
        return "Unsupported HMAC Identifier";
      default:
        return "code " + Wire.hex16(code);
    }
  }
}
