package org.jsctp.micrometer;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded peer tag: the address literal of each of the first {@code max} peers seen, "other" for
 * every later one, "unknown" for an association without a peer address. A peer keeps its tag for
 * the life of the binder, so the number of tag values never exceeds {@code max} + 2. Used under the
 * sampler's lock only.
 */
final class FirstSeenPeers implements Function<InetAddress, String> {

  static final String OTHER = "other";
  static final String UNKNOWN = "unknown";

  private final int max;
  private final Map<InetAddress, String> tags = new HashMap<>();

  FirstSeenPeers(int max) {
    this.max = max;
  }

  @Override
  public String apply(InetAddress peer) {
    if (peer == null) {
      return UNKNOWN;
    }
    String tag = tags.get(peer);
    if (tag == null) {
      if (tags.size() >= max) {
        return OTHER;
      }
      tag = peer.getHostAddress();
      tags.put(peer, tag);
    }
    return tag;
  }
}
