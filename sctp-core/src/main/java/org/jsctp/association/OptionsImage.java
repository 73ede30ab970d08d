package org.jsctp.association;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsctp.api.StreamSchedulerKind;
import org.jsctp.ha.HaMode;

/**
 * An association's options as the named values of a snapshot (docs/ha.md, "Settings"), and back.
 * Names a reader does not know are ignored and missing ones keep the restoring endpoint's
 * defaults, so that the format survives options added later.
 */
final class OptionsImage {

  private OptionsImage() {}

  static Map<String, Long> of(AssociationOptions o) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("rto_initial", o.rtoInitialMs());
    m.put("rto_min", o.rtoMinMs());
    m.put("rto_max", o.rtoMaxMs());
    m.put("hb_interval", o.heartbeatIntervalMs());
    m.put("hb_enabled", bit(o.heartbeatEnabled()));
    m.put("path_max_retrans", (long) o.pathMaxRetrans());
    m.put("pf_retrans", (long) o.pfRetrans());
    m.put("pf_enable", bit(o.pfEnabled()));
    m.put("pf_expose", bit(o.exposePotentiallyFailed()));
    m.put("path_mtu", (long) o.pathMtu());
    m.put("plpmtud_probe_interval", o.plpmtudProbeIntervalMs());
    m.put("sndbuf", o.sndbuf());
    m.put("rcvbuf", o.rcvbuf());
    m.put("nodelay", bit(o.nodelay()));
    m.put("maxseg", (long) o.maxSegment());
    m.put("disable_fragments", bit(o.disableFragments()));
    m.put("max_burst", (long) o.maxBurst());
    m.put("sack_timeout", o.sackDelayMs());
    m.put("sack_freq", (long) o.sackFrequency());
    m.put("partial_delivery_point", o.partialDeliveryPoint());
    m.put("autoclose", o.autocloseSeconds());
    m.put("outbound_streams", (long) o.outboundStreams());
    m.put("max_inbound_streams", (long) o.maxInboundStreams());
    m.put("max_init_attempts", (long) o.maxInitAttempts());
    m.put("max_init_timeout", o.maxInitTimeoutMs());
    m.put("adaptation_indication", (long) o.adaptationIndication());
    m.put("association_max_retrans", (long) o.associationMaxRetrans());
    m.put("ps_retrans", (long) o.psRetrans());
    m.put("prsctp_enable", bit(o.prSupported()));
    m.put("intl_enable", bit(o.interleavingSupported()));
    m.put("reconf_enable", bit(o.reconfigSupported()));
    m.put("addip_enable", bit(o.asconfSupported()));
    m.put("enable_stream_reset", (long) o.enableStreamReset());
    m.put("stream_scheduler", (long) o.streamScheduler().ordinal());
    m.put("ha_mode", (long) o.haMode().sysctlValue());
    m.put("ha_sync_tsn_threshold", (long) o.haSyncTsnThreshold());
    m.put("ha_sync_interval_ms", o.haSyncIntervalMs());
    return m;
  }

  /**
   * {@code defaults} with the values of {@code settings} applied, each checked as its setter checks
   * it.
   *
   * @throws IllegalArgumentException for a value out of range
   */
  static AssociationOptions apply(Map<String, Long> settings, AssociationOptions defaults) {
    AssociationOptions o = defaults.copy();
    o.setRtoInfo(get(settings, "rto_initial", o.rtoInitialMs()),
        get(settings, "rto_min", o.rtoMinMs()), get(settings, "rto_max", o.rtoMaxMs()));
    o.setHeartbeatIntervalMs(get(settings, "hb_interval", o.heartbeatIntervalMs()));
    o.setHeartbeatEnabled(flag(settings, "hb_enabled", o.heartbeatEnabled()));
    o.setThresholds((int) get(settings, "path_max_retrans", o.pathMaxRetrans()),
        (int) get(settings, "pf_retrans", o.pfRetrans()));
    o.setPfEnabled(flag(settings, "pf_enable", o.pfEnabled()));
    o.setExposePotentiallyFailed(flag(settings, "pf_expose", o.exposePotentiallyFailed()));
    o.setPathMtu((int) get(settings, "path_mtu", o.pathMtu()));
    o.setPlpmtudProbeInterval(get(settings, "plpmtud_probe_interval",
        o.plpmtudProbeIntervalMs()));
    o.setSndbuf(get(settings, "sndbuf", o.sndbuf()));
    o.setRcvbuf(get(settings, "rcvbuf", o.rcvbuf()));
    o.setNodelay(flag(settings, "nodelay", o.nodelay()));
    o.setMaxSegment((int) get(settings, "maxseg", o.maxSegment()));
    o.setDisableFragments(flag(settings, "disable_fragments", o.disableFragments()));
    o.setMaxBurst((int) get(settings, "max_burst", o.maxBurst()));
    o.setDelayedSack(get(settings, "sack_timeout", o.sackDelayMs()),
        (int) get(settings, "sack_freq", o.sackFrequency()));
    o.setPartialDeliveryPoint(get(settings, "partial_delivery_point", o.partialDeliveryPoint()));
    o.setAutocloseSeconds(get(settings, "autoclose", o.autocloseSeconds()));
    o.setInitMsg((int) get(settings, "outbound_streams", o.outboundStreams()),
        (int) get(settings, "max_inbound_streams", o.maxInboundStreams()),
        (int) get(settings, "max_init_attempts", o.maxInitAttempts()),
        get(settings, "max_init_timeout", o.maxInitTimeoutMs()));
    o.setAdaptationIndication((int) get(settings, "adaptation_indication",
        o.adaptationIndication()));
    o.setAssociationMaxRetrans((int) get(settings, "association_max_retrans",
        o.associationMaxRetrans()));
    o.setPsRetrans((int) get(settings, "ps_retrans", o.psRetrans()));
    o.setPrSupported(true);
    o.setHaMode(HaMode.OFF);
    o.setPrSupported(flag(settings, "prsctp_enable", o.prSupported()));
    o.setInterleavingSupported(flag(settings, "intl_enable", o.interleavingSupported()));
    o.setReconfigSupported(flag(settings, "reconf_enable", o.reconfigSupported()));
    o.setAsconfSupported(flag(settings, "addip_enable", o.asconfSupported()));
    o.setEnableStreamReset((int) get(settings, "enable_stream_reset", o.enableStreamReset()));
    long scheduler = get(settings, "stream_scheduler", o.streamScheduler().ordinal());
    StreamSchedulerKind[] kinds = StreamSchedulerKind.values();
    if (scheduler < 0 || scheduler >= kinds.length) {
      throw new IllegalArgumentException("stream_scheduler " + scheduler + " is not one of the "
          + kinds.length + " schedulers");
    }
    o.setStreamScheduler(kinds[(int) scheduler]);
    o.setHaThresholds((int) get(settings, "ha_sync_tsn_threshold", o.haSyncTsnThreshold()),
        get(settings, "ha_sync_interval_ms", o.haSyncIntervalMs()));
    o.setHaMode(HaMode.ofSysctl(get(settings, "ha_mode", o.haMode().sysctlValue())));
    return o;
  }

  private static long bit(boolean b) {
    return b ? 1 : 0;
  }

  private static long get(Map<String, Long> settings, String name, long fallback) {
    Long v = settings.get(name);
    return v == null ? fallback : v;
  }

  private static boolean flag(Map<String, Long> settings, String name, boolean fallback) {
    Long v = settings.get(name);
    if (v == null) {
      return fallback;
    }
    if (v != 0 && v != 1) {
      throw new IllegalArgumentException(name + " = " + v + " is not 0 or 1");
    }
    return v == 1;
  }
}
