package org.jsctp.association;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.ForwardTsnSupportedParameter;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.SupportedExtensionsParameter;

/**
 * The SCTP extensions of an association: those this side offers (its settings), those the peer
 * announced in its INIT or INIT ACK, and those both did, which alone are used (RFC 5061 section
 * 4.2.7, Supported Extensions; RFC 3758 section 3.3.1, Forward-TSN-Supported). What the peer did
 * not announce is never sent to it.
 *
 * @param partialReliability PR-SCTP (RFC 3758): FORWARD-TSN, abandoning messages
 * @param streamReconfiguration stream reconfiguration (RFC 6525): RE-CONFIG
 * @param interleaving user message interleaving (RFC 8260): I-DATA, I-FORWARD-TSN
 * @param addressReconfiguration dynamic address reconfiguration (RFC 5061): ASCONF, ASCONF-ACK
 */
public record Extensions(boolean partialReliability, boolean streamReconfiguration,
    boolean interleaving, boolean addressReconfiguration) {

  /** No extension. */
  public static final Extensions NONE = new Extensions(false, false, false, false);

  /** The extensions of RFC 3758, 6525 and 8260, without ADD-IP. */
  public Extensions(boolean partialReliability, boolean streamReconfiguration,
      boolean interleaving) {
    this(partialReliability, streamReconfiguration, interleaving, false);
  }

  /** Those both sides offer. */
  public Extensions and(Extensions other) {
    return new Extensions(partialReliability && other.partialReliability,
        streamReconfiguration && other.streamReconfiguration,
        interleaving && other.interleaving,
        addressReconfiguration && other.addressReconfiguration);
  }

  /** These extensions without ADD-IP. */
  public Extensions withoutAddressReconfiguration() {
    return new Extensions(partialReliability, streamReconfiguration, interleaving, false);
  }

  /**
   * What an INIT or INIT ACK announces with these parameters: PR-SCTP by Forward-TSN-Supported or
   * by FORWARD-TSN in Supported Extensions; interleaving by I-DATA listed (with I-FORWARD-TSN too
   * when PR-SCTP is on); reconfiguration by RE-CONFIG listed; ADD-IP by both ASCONF and
   * ASCONF-ACK listed (RFC 5061 section 4.2.7).
   */
  public static Extensions announcedBy(List<Parameter> parameters) {
    boolean forwardTsnSupported = false;
    List<Integer> listed = List.of();
    for (Parameter p : parameters) {
      if (p instanceof ForwardTsnSupportedParameter) {
        forwardTsnSupported = true;
      } else if (p instanceof SupportedExtensionsParameter s) {
        listed = s.chunkTypes();
      }
    }
    boolean pr = forwardTsnSupported || listed.contains(ChunkType.FORWARD_TSN);
    boolean interleaving = listed.contains(ChunkType.I_DATA)
        && (!pr || listed.contains(ChunkType.I_FORWARD_TSN));
    boolean addIp = listed.contains(ChunkType.ASCONF) && listed.contains(ChunkType.ASCONF_ACK);
    return new Extensions(pr, listed.contains(ChunkType.RE_CONFIG), interleaving, addIp);
  }

  /** The parameters that announce these extensions in an INIT or INIT ACK (none for {@link #NONE}). */
  public List<Parameter> parameters() {
    return parameters(List.of());
  }

  /**
   * The same, with {@code moreTypes} added to Supported Extensions: chunk types of extensions
   * announced with parameters of their own (AUTH, RFC 4895).
   */
  List<Parameter> parameters(List<Integer> moreTypes) {
    List<Integer> types = new ArrayList<>(4 + moreTypes.size());
    if (partialReliability) {
      types.add(ChunkType.FORWARD_TSN);
    }
    if (interleaving) {
      types.add(ChunkType.I_DATA);
      if (partialReliability) {
        types.add(ChunkType.I_FORWARD_TSN);
      }
    }
    if (streamReconfiguration) {
      types.add(ChunkType.RE_CONFIG);
    }
    if (addressReconfiguration) {
      types.add(ChunkType.ASCONF);
      types.add(ChunkType.ASCONF_ACK);
    }
    types.addAll(moreTypes);
    List<Parameter> params = new ArrayList<>(2);
    if (!types.isEmpty()) {
      params.add(new SupportedExtensionsParameter(types));
    }
    if (partialReliability) {
      params.add(new ForwardTsnSupportedParameter());
    }
    return params;
  }

  /** The extensions as bits, for the state cookie. */
  int bits() {
    return (partialReliability ? 1 : 0) | (streamReconfiguration ? 2 : 0) | (interleaving ? 4 : 0)
        | (addressReconfiguration ? 8 : 0);
  }

  static Extensions ofBits(int bits) {
    return new Extensions((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0);
  }

  /** The names of the extensions on, as Linux lists an association's features. */
  @Override
  public String toString() {
    List<String> on = new ArrayList<>(3);
    if (partialReliability) {
      on.add("PR-SCTP");
    }
    if (streamReconfiguration) {
      on.add("RE-CONFIG");
    }
    if (interleaving) {
      on.add("I-DATA");
    }
    if (addressReconfiguration) {
      on.add("ADD-IP");
    }
    return on.isEmpty() ? "none" : String.join(",", on);
  }
}
