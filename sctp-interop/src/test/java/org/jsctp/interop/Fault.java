package org.jsctp.interop;

/**
 * One fault of a chaos soak's schedule. A <em>survivable</em> fault leaves one path working at all
 * times, so the association must carry on through it; the others (both paths down, the peer's
 * process restarted) must end the association with a notification, after which the client
 * reconnects.
 */
sealed interface Fault {

  /** The kinds of fault, and whether the association must survive them. */
  enum Kind {
    LOSS(true),
    REORDER(true),
    DUPLICATE(true),
    BLACKHOLE(true),
    FLAP(true),
    OUTAGE(false),
    RESTART(false);

    final boolean survivable;

    Kind(boolean survivable) {
      this.survivable = survivable;
    }
  }

  Kind kind();

  /** Whether the association must survive the fault. */
  default boolean survivable() {
    return kind().survivable;
  }

  /** How long the fault is held before it heals, in ms (0: until the association has ended). */
  default int holdMs() {
    return 0;
  }

  /** Random loss of {@code permille} of the UDP packets arriving on either host, both paths. */
  record Loss(int permille, int holdMs) implements Fault {
    @Override
    public Kind kind() {
      return Kind.LOSS;
    }

    @Override
    public String toString() {
      return "loss "
          + permille / 10.0
          + "% of the packets on both paths, both ways, for "
          + holdMs
          + " ms";
    }
  }

  /**
   * Reordering: {@code percent} of the UDP packets leaving either host queue behind a {@code
   * slowKbit} kbit/s traffic class while the others pass.
   */
  record Reorder(int percent, int slowKbit, int holdMs) implements Fault {
    @Override
    public Kind kind() {
      return Kind.REORDER;
    }

    @Override
    public String toString() {
      return "reorder "
          + percent
          + "% of the packets through a "
          + slowKbit
          + " kbit/s class, both ways, for "
          + holdMs
          + " ms";
    }
  }

  /** Duplication of {@code percent} of the UDP packets leaving either host. */
  record Duplicate(int percent, int holdMs) implements Fault {
    @Override
    public Kind kind() {
      return Kind.DUPLICATE;
    }

    @Override
    public String toString() {
      return "duplicate " + percent + "% of the packets, both ways, for " + holdMs + " ms";
    }
  }

  /** Path {@code path} silently dropped in both directions (nftables). */
  record CutPath(int path, int holdMs) implements Fault {
    @Override
    public Kind kind() {
      return Kind.BLACKHOLE;
    }

    @Override
    public String toString() {
      return "blackhole path " + path + " for " + holdMs + " ms";
    }
  }

  /** The link of path {@code path} set down on host {@code host} ('a' or 'b'), then up. */
  record FlapPath(int path, char host, int holdMs) implements Fault {
    @Override
    public Kind kind() {
      return Kind.FLAP;
    }

    @Override
    public String toString() {
      return "link of path " + path + " down on host " + host + " for " + holdMs + " ms";
    }
  }

  /**
   * Both paths down until the client reports the association's end: links set down on {@code host},
   * or blackholed when {@code byLinks} is false.
   */
  record Outage(boolean byLinks, char host) implements Fault {
    @Override
    public Kind kind() {
      return Kind.OUTAGE;
    }

    @Override
    public String toString() {
      return (byLinks ? "links of both paths down on host " + host : "blackhole both paths")
          + " until the association is lost";
    }
  }

  /**
   * The peer's process stopped ({@code kill}: SIGKILL, else SIGTERM) and started again after {@code
   * downMs}.
   */
  record RestartPeer(boolean kill, int downMs) implements Fault {
    @Override
    public Kind kind() {
      return Kind.RESTART;
    }

    @Override
    public String toString() {
      return "restart the peer (" + (kill ? "SIGKILL" : "SIGTERM") + ", " + downMs + " ms down)";
    }
  }
}
