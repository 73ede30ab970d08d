package org.jsctp.ha;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.jsctp.wire.Bytes;

/**
 * What a standby endpoint needs from the active one, apart from its associations: the state cookie
 * secrets (RFC 9260 section 5.1.3), so that a COOKIE ECHO the active's INIT ACK asked for (a peer
 * restarting, or an INIT collision) verifies on the standby as it would have on the active. It is
 * separate from the association snapshots, replicated once when the standby joins and again after
 * every secret rotation.
 *
 * @param localPort the endpoint's SCTP port
 * @param localAddresses its local addresses
 * @param cookieSecrets the current and the previous secret (one or two)
 * @param currentGeneration the generation new cookies are signed with
 * @param secretAgeNanos how long the current secret had been in use when taken
 */
public record EndpointSnapshot(int localPort, List<InetAddress> localAddresses,
    List<CookieSecret> cookieSecrets, int currentGeneration, long secretAgeNanos) {

  public EndpointSnapshot {
    localAddresses = List.copyOf(localAddresses);
    cookieSecrets = List.copyOf(cookieSecrets);
    if (cookieSecrets.size() > 2) {
      throw new IllegalArgumentException("at most two cookie secrets, got " + cookieSecrets.size());
    }
  }

  /**
   * One HMAC-SHA256 key of the state cookie.
   *
   * @param generation its generation (cookies name the generation that signed them)
   * @param key the 32-byte key
   */
  public record CookieSecret(int generation, Bytes key) {

    public CookieSecret {
      Objects.requireNonNull(key, "key");
      if (key.length() != 32) {
        throw new IllegalArgumentException("a cookie secret has 32 bytes, got " + key.length());
      }
    }

    @Override
    public String toString() {
      return "CookieSecret[generation=" + generation + ", key=<32 bytes>]";
    }
  }
}
