package org.jsctp.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stack-wide defaults under the Linux sysctl names (see {@link Sysctl}). Immutable; built with
 * {@link #builder()} or {@link #fromSysctl(Map)}. Per-association and per-path socket options
 * (RFC 6458) start from these values and override them.
 *
 * <p>Every value is range-checked when set; cross-field rules are checked by {@link
 * Builder#build()} (errors) and reported by {@link #warnings()} (legal but risky combinations).
 */
public final class StackConfig {

  private static final StackConfig DEFAULTS = new Builder().build();

  private final long[] values;
  private final List<String> warnings;

  private StackConfig(long[] values, List<String> warnings) {
    this.values = values;
    this.warnings = warnings;
  }

  /** The defaults of every setting. */
  public static StackConfig defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a configuration from sysctl-style keys ({@code net.sctp.rto_min} or {@code rto_min})
   * and decimal values; keys not given keep their defaults.
   *
   * @throws IllegalArgumentException naming the key for an unknown key, a value that is not a
   *     number or a value out of range
   */
  public static StackConfig fromSysctl(Map<String, String> settings) {
    return builder().sysctl(settings).build();
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    System.arraycopy(values, 0, b.values, 0, values.length);
    return b;
  }

  public long get(Sysctl key) {
    return values[key.ordinal()];
  }

  public boolean flag(Sysctl key) {
    return values[key.ordinal()] != 0;
  }

  public long rtoInitialMillis() {
    return get(Sysctl.RTO_INITIAL);
  }

  public long rtoMinMillis() {
    return get(Sysctl.RTO_MIN);
  }

  public long rtoMaxMillis() {
    return get(Sysctl.RTO_MAX);
  }

  public int pathMaxRetrans() {
    return (int) get(Sysctl.PATH_MAX_RETRANS);
  }

  public int pfRetrans() {
    return (int) get(Sysctl.PF_RETRANS);
  }

  public int associationMaxRetrans() {
    return (int) get(Sysctl.ASSOCIATION_MAX_RETRANS);
  }

  public int udpPort() {
    return (int) get(Sysctl.UDP_PORT);
  }

  /** Legal combinations that can still surprise an operator, one sentence each. */
  public List<String> warnings() {
    return warnings;
  }

  /** The settings as {@code net.sctp.key=value} lines, in declaration order. */
  public Map<String, Long> asSysctlMap() {
    Map<String, Long> map = new java.util.LinkedHashMap<>();
    for (Sysctl s : Sysctl.values()) {
      map.put(s.sysctlName(), values[s.ordinal()]);
    }
    return Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StackConfig other && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("StackConfig{");
    for (Sysctl s : Sysctl.values()) {
      if (values[s.ordinal()] != s.defaultValue()) {
        sb.append(s.key()).append('=').append(values[s.ordinal()]).append(", ");
      }
    }
    if (sb.charAt(sb.length() - 1) == ' ') {
      sb.setLength(sb.length() - 2);
    }
    return sb.append('}').toString();
  }

  /** Mutable builder; every setter checks its range at once. */
  public static final class Builder {
    private final long[] values = new long[Sysctl.values().length];

    private Builder() {
      for (Sysctl s : Sysctl.values()) {
        values[s.ordinal()] = s.defaultValue();
      }
    }

    /** Sets one setting, range-checked. */
    public Builder set(Sysctl key, long value) {
      values[key.ordinal()] = key.check(value);
      return this;
    }

    /** Sets settings from sysctl-style keys and decimal values. */
    public Builder sysctl(Map<String, String> settings) {
      Objects.requireNonNull(settings, "settings");
      for (Map.Entry<String, String> e : settings.entrySet()) {
        Sysctl key = Sysctl.byName(e.getKey());
        long value;
        try {
          value = Long.parseLong(e.getValue().trim());
        } catch (NumberFormatException ex) {
          throw new IllegalArgumentException(
              key.sysctlName() + " = '" + e.getValue() + "' is not a number", ex);
        }
        set(key, value);
      }
      return this;
    }

    /** Sets one {@code net.sctp.key=value} assignment, as given on a command line. */
    public Builder sysctl(String assignment) {
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "'" + assignment + "' is not of the form net.sctp.KEY=VALUE");
      }
      return sysctl(Map.of(assignment.substring(0, eq), assignment.substring(eq + 1)));
    }

    public Builder rtoInitialMillis(long v) {
      return set(Sysctl.RTO_INITIAL, v);
    }

    public Builder rtoMinMillis(long v) {
      return set(Sysctl.RTO_MIN, v);
    }

    public Builder rtoMaxMillis(long v) {
      return set(Sysctl.RTO_MAX, v);
    }

    public Builder hbIntervalMillis(long v) {
      return set(Sysctl.HB_INTERVAL, v);
    }

    public Builder pathMaxRetrans(int v) {
      return set(Sysctl.PATH_MAX_RETRANS, v);
    }

    public Builder pfRetrans(int v) {
      return set(Sysctl.PF_RETRANS, v);
    }

    public Builder associationMaxRetrans(int v) {
      return set(Sysctl.ASSOCIATION_MAX_RETRANS, v);
    }

    public Builder udpPort(int v) {
      return set(Sysctl.UDP_PORT, v);
    }

    /**
     * Checks the cross-field rules and builds.
     *
     * @throws IllegalArgumentException when {@code rto_min > rto_max}, {@code rto_initial} is
     *     outside {@code [rto_min, rto_max]}, {@code ps_retrans} is enabled below {@code
     *     pf_retrans} (RFC 7829 section 5), or {@code ha_mode} is threshold without {@code
     *     prsctp_enable}
     */
    public StackConfig build() {
      long[] v = values.clone();
      long min = v[Sysctl.RTO_MIN.ordinal()];
      long max = v[Sysctl.RTO_MAX.ordinal()];
      long initial = v[Sysctl.RTO_INITIAL.ordinal()];
      if (min > max) {
        throw new IllegalArgumentException(
            "net.sctp.rto_min (" + min + ") must not exceed net.sctp.rto_max (" + max + ")");
      }
      if (initial < min || initial > max) {
        throw new IllegalArgumentException(
            "net.sctp.rto_initial (" + initial + ") must lie in [rto_min, rto_max] = [" + min
                + ", " + max + "]");
      }
      long ps = v[Sysctl.PS_RETRANS.ordinal()];
      long pf = v[Sysctl.PF_RETRANS.ordinal()];
      if (ps != 0xFFFF && ps < pf) {
        throw new IllegalArgumentException(
            "net.sctp.ps_retrans (" + ps + ") must be at least net.sctp.pf_retrans (" + pf
                + ") or 65535 (off), RFC 7829 section 5");
      }
      if (v[Sysctl.HA_MODE.ordinal()] == 2 && v[Sysctl.PRSCTP_ENABLE.ordinal()] == 0) {
        throw new IllegalArgumentException("net.sctp.ha_mode = 2 (threshold) needs"
            + " net.sctp.prsctp_enable = 1: a standby skips the TSNs it cannot know with a"
            + " FORWARD-TSN (docs/ha.md)");
      }
      List<String> warnings = new ArrayList<>();
      long pmr = v[Sysctl.PATH_MAX_RETRANS.ordinal()];
      if (pf > pmr && v[Sysctl.PF_ENABLE.ordinal()] != 0) {
        warnings.add(
            "net.sctp.pf_retrans (" + pf + ") exceeds net.sctp.path_max_retrans (" + pmr
                + "): SCTP-PF is effectively off");
      }
      if (v[Sysctl.ADDIP_ENABLE.ordinal()] != 0 && v[Sysctl.ADDIP_NOAUTH_ENABLE.ordinal()] == 0
          && v[Sysctl.AUTH_ENABLE.ordinal()] == 0) {
        warnings.add("net.sctp.addip_enable = 1 without net.sctp.auth_enable = 1 or"
            + " net.sctp.addip_noauth_enable = 1: ADD-IP stays off, since ASCONF must be"
            + " authenticated (RFC 5061 section 4.1.1)");
      }
      return new StackConfig(v, List.copyOf(warnings));
    }
  }
}
