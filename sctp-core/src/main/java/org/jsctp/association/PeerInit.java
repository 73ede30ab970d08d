package org.jsctp.association;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jsctp.wire.AdaptationLayerIndicationParameter;
import org.jsctp.wire.ChunkListParameter;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.HmacAlgorithmParameter;
import org.jsctp.wire.RandomParameter;
import org.jsctp.wire.SupportedExtensionsParameter;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.CookiePreservativeParameter;
import org.jsctp.wire.HostNameAddressParameter;
import org.jsctp.wire.Ipv4AddressParameter;
import org.jsctp.wire.Ipv6AddressParameter;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.UnknownParameter;

/**
 * What an INIT or INIT ACK tells about its sender, read once: its transport addresses (the
 * address parameters plus the packet's source, RFC 9260 section 5.1.2, keeping only those the
 * stack may use), a cookie preservative, a host name address (deprecated, refused), and the
 * unrecognized parameters to report (section 3.2.1).
 *
 * @param addresses the peer's addresses, source first
 * @param cookiePreservativeMillis the suggested cookie life increment, or 0
 * @param hostName a Host Name Address parameter, or null
 * @param unrecognized the raw TLVs of unknown parameters whose action asks for a report
 * @param adaptationIndication the peer's adaptation layer indication, or -1
 * @param ignoredAddresses usable addresses left out because there were more than allowed
 * @param extensions the extensions the sender announced
 * @param announcesAuth whether the sender announced AUTH (RFC 4895): AUTH in Supported
 *     Extensions, or a Random, Chunk List or HMAC Algorithm parameter
 */
public record PeerInit(
    List<InetAddress> addresses,
    long cookiePreservativeMillis,
    HostNameAddressParameter hostName,
    List<Bytes> unrecognized,
    long adaptationIndication,
    int ignoredAddresses,
    Extensions extensions,
    boolean announcesAuth) {

  /**
   * Reads the parameters of an INIT or INIT ACK from {@code source}, keeping at most {@code
   * maxAddresses} addresses (max_peer_addresses), the source first.
   */
  public static PeerInit read(List<Parameter> parameters, InetAddress source,
      Predicate<InetAddress> allowed, int maxAddresses) {
    List<InetAddress> addresses = new ArrayList<>();
    addresses.add(source);
    long preservative = 0;
    HostNameAddressParameter hostName = null;
    List<Bytes> unrecognized = new ArrayList<>();
    long adaptation = -1;
    int ignored = 0;
    for (Parameter p : parameters) {
      InetAddress a = null;
      if (p instanceof Ipv4AddressParameter v4) {
        a = v4.address();
      } else if (p instanceof Ipv6AddressParameter v6) {
        a = v6.address();
      } else if (p instanceof CookiePreservativeParameter c) {
        preservative = c.suggestedIncrementMillis();
      } else if (p instanceof HostNameAddressParameter h) {
        hostName = h;
      } else if (p instanceof AdaptationLayerIndicationParameter ali) {
        adaptation = Integer.toUnsignedLong(ali.adaptationCodePoint());
      } else if (p instanceof UnknownParameter u) {
        if (u.action().reports()) {
          unrecognized.add(u.toTlv());
        }
        if (!u.action().continues()) {
          break;
        }
      }
      if (a != null && usable(a) && allowed.test(a) && !addresses.contains(a)) {
        if (addresses.size() < maxAddresses) {
          addresses.add(a);
        } else {
          ignored++;
        }
      }
    }
    return new PeerInit(List.copyOf(addresses), preservative, hostName, List.copyOf(unrecognized),
        adaptation, ignored, Extensions.announcedBy(parameters), announcesAuth(parameters));
  }

  private static boolean announcesAuth(List<Parameter> parameters) {
    for (Parameter p : parameters) {
      if (p instanceof RandomParameter || p instanceof ChunkListParameter
          || p instanceof HmacAlgorithmParameter
          || p instanceof SupportedExtensionsParameter s && s.chunkTypes().contains(ChunkType.AUTH)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The Host Name Address parameter as received, for cause 5 (RFC 9260 section 3.3.10.5: the
   * cause carries the unresolvable address parameter); empty when there is none.
   */
  public Bytes hostNameTlv() {
    if (hostName == null) {
      return Bytes.EMPTY;
    }
    ByteBuffer b = ByteBuffer.allocate(hostName.paddedLength());
    hostName.writeTo(b);
    return Bytes.wrap(b.array(), 0, hostName.encodedLength());
  }

  /** Unicast addresses only: never a wildcard, multicast or broadcast address. */
  static boolean usable(InetAddress a) {
    if (a.isAnyLocalAddress() || a.isMulticastAddress()) {
      return false;
    }
    byte[] raw = a.getAddress();
    if (raw.length == 4 && (raw[0] & 0xFF) == 255 && (raw[3] & 0xFF) == 255) {
      return false;
    }
    return true;
  }

  /** The address parameters of {@code addresses}, raw, for cause 11 (Restart with New Addresses). */
  static Bytes addressParameters(List<InetAddress> addresses) {
    List<Parameter> params = addressParameterList(addresses);
    int length = 0;
    for (Parameter p : params) {
      length += p.paddedLength();
    }
    ByteBuffer b = ByteBuffer.allocate(length);
    for (Parameter p : params) {
      p.writeTo(b);
    }
    return Bytes.wrap(b.array());
  }

  static List<Parameter> addressParameterList(List<InetAddress> addresses) {
    List<Parameter> params = new ArrayList<>(addresses.size());
    for (InetAddress a : addresses) {
      params.add(AddressParameters.of(a));
    }
    return params;
  }
}
