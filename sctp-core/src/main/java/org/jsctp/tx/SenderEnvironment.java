package org.jsctp.tx;

import org.jsctp.api.SctpEvent;
import org.jsctp.path.Path;
import org.jsctp.path.PathManager;
import org.jsctp.stats.MibCounters;

/** What the data sender needs from its association. */
public interface SenderEnvironment {

  int associationId();

  PathManager paths();

  MibCounters counters();

  void emit(SctpEvent event);

  /** Data sent on exactly one path was acknowledged: that path's error counter clears. */
  void acknowledgedOnPath(Path path, long now);

  /** A SACK acknowledged new data: the association error counter clears (RFC 9260 section 8.1). */
  void acknowledgedNewData(long now);

  /**
   * The bytes an AUTH chunk takes in a packet of user data when the peer wants user data
   * authenticated (RFC 4895 section 6.2), else 0: new fragments are cut that much smaller.
   */
  default int dataAuthenticationOverhead() {
    return 0;
  }
}
