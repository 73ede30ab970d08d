package org.jsctp.netty;

import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_ADD_STREAMS;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_ASCONF_SUPPORTED;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_DEFAULT_PRINFO;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_ENABLE_STREAM_RESET;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_HA_MODE;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_INTERLEAVING_SUPPORTED;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_PR_ASSOC_STATUS;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_PR_STREAM_STATUS;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_PR_SUPPORTED;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_RECONFIG_SUPPORTED;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_RESET_ASSOC;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_RESET_STREAMS;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_STREAM_SCHEDULER;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_STREAM_SCHEDULER_VALUE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsctp.api.PrStatus;
import org.jsctp.api.StreamSchedulerKind;
import org.jsctp.association.LiveOptions;
import org.jsctp.ha.HaMode;
import org.jsctp.netty.option.AddStreams;
import org.jsctp.netty.option.PrInfo;
import org.jsctp.netty.option.PrStreamStatus;
import org.jsctp.netty.option.ResetStreams;
import org.jsctp.netty.option.StreamSchedulerValues;

/**
 * The socket options of the SCTP extensions: PR-SCTP (RFC 7496 section 4), I-DATA with the
 * stream schedulers (RFC 8260 section 4), stream reconfiguration (RFC 6525 section 6.3) and
 * whether ADD-IP (RFC 5061) is offered. Whether an extension is offered belongs to the template of new associations; on an
 * association, reading says whether both sides offered it. Run as {@link Options} is, under the
 * channel options' lock.
 */
final class ExtensionOptions {

  /** The options handled here. */
  static final List<SctpSocketOption<?>> ALL =
      List.of(
          SCTP_PR_SUPPORTED,
          SCTP_DEFAULT_PRINFO,
          SCTP_PR_ASSOC_STATUS,
          SCTP_PR_STREAM_STATUS,
          SCTP_INTERLEAVING_SUPPORTED,
          SCTP_STREAM_SCHEDULER,
          SCTP_STREAM_SCHEDULER_VALUE,
          SCTP_RECONFIG_SUPPORTED,
          SCTP_ENABLE_STREAM_RESET,
          SCTP_RESET_STREAMS,
          SCTP_RESET_ASSOC,
          SCTP_ADD_STREAMS,
          SCTP_HA_MODE,
          SCTP_ASCONF_SUPPORTED);

  /** Those that need an association: not on a server channel. */
  static final Set<SctpSocketOption<?>> ASSOCIATION_ONLY =
      Set.of(SCTP_PR_ASSOC_STATUS, SCTP_PR_STREAM_STATUS, SCTP_STREAM_SCHEDULER_VALUE,
          SCTP_RESET_STREAMS, SCTP_RESET_ASSOC, SCTP_ADD_STREAMS);

  /** Those that act and cannot be read. */
  static final Set<SctpSocketOption<?>> WRITE_ONLY =
      Set.of(SCTP_RESET_STREAMS, SCTP_RESET_ASSOC, SCTP_ADD_STREAMS);

  private ExtensionOptions() {}

  static boolean handles(SctpSocketOption<?> name) {
    return ALL.contains(name);
  }

  static void set(SctpSocketOption<?> name, Object value, Options.Target t) {
    ChannelOptions o = t.opts();
    if (name == SCTP_PR_SUPPORTED) {
      o.template.setPrSupported((Boolean) value);
    } else if (name == SCTP_DEFAULT_PRINFO) {
      o.defaultPrInfo = (PrInfo) value;
    } else if (name == SCTP_INTERLEAVING_SUPPORTED) {
      boolean on = (Boolean) value;
      if (on && o.fragmentInterleave != 2) {
        // As Linux (EPERM): parts of messages of different streams will interleave in receives.
        throw new IllegalStateException(
            "SCTP_INTERLEAVING_SUPPORTED needs SCTP_FRAGMENT_INTERLEAVE 2 first, since parts of"
                + " messages of different streams then interleave; it is "
                + o.fragmentInterleave);
      }
      o.template.setInterleavingSupported(on);
    } else if (name == SCTP_STREAM_SCHEDULER) {
      StreamSchedulerKind kind = (StreamSchedulerKind) value;
      if (t.template()) {
        o.template.setStreamScheduler(kind);
      }
      if (t.live() != null) {
        t.live().options().setStreamScheduler(kind);
      }
    } else if (name == SCTP_STREAM_SCHEDULER_VALUE) {
      LiveOptions live = Options.live(t, name).options();
      for (Map.Entry<Integer, Integer> e : ((StreamSchedulerValues) value).values().entrySet()) {
        live.setStreamSchedulerValue(e.getKey(), e.getValue());
      }
    } else if (name == SCTP_RECONFIG_SUPPORTED) {
      o.template.setReconfigSupported((Boolean) value);
    } else if (name == SCTP_ASCONF_SUPPORTED) {
      o.template.setAsconfSupported((Boolean) value);
    } else if (name == SCTP_ENABLE_STREAM_RESET) {
      int flags = (Integer) value;
      if (t.template()) {
        o.template.setEnableStreamReset(flags);
      }
      if (t.live() != null) {
        t.live().options().enableStreamReset(flags);
      }
    } else if (name == SCTP_RESET_STREAMS) {
      ResetStreams r = (ResetStreams) value;
      int[] streams = r.streams().stream().mapToInt(Integer::intValue).toArray();
      Options.live(t, name).options().resetStreams(r.incoming(), r.outgoing(), streams);
    } else if (name == SCTP_RESET_ASSOC) {
      if (!(Boolean) value) {
        throw new IllegalArgumentException("SCTP_RESET_ASSOC is set to true to reset, got false");
      }
      Options.live(t, name).options().resetAssociation();
    } else if (name == SCTP_ADD_STREAMS) {
      AddStreams a = (AddStreams) value;
      Options.live(t, name).options().addStreams(a.in(), a.out());
    } else if (name == SCTP_HA_MODE) {
      HaMode mode = (HaMode) value;
      if (t.template()) {
        o.template.setHaMode(mode);
      }
      if (t.live() != null) {
        t.live().options().setHaMode(t.runtime().now(), mode);
      }
    } else {
      throw new UnsupportedOperationException(name.name() + " is read-only");
    }
  }

  static Object get(SctpSocketOption<?> name, Options.Target t) {
    ChannelOptions o = t.opts();
    LiveOptions live = t.live() == null ? null : t.live().options();
    if (name == SCTP_PR_SUPPORTED) {
      return live != null ? live.extensions().partialReliability() : o.template.prSupported();
    } else if (name == SCTP_DEFAULT_PRINFO) {
      return o.defaultPrInfo;
    } else if (name == SCTP_INTERLEAVING_SUPPORTED) {
      return live != null ? live.extensions().interleaving() : o.template.interleavingSupported();
    } else if (name == SCTP_STREAM_SCHEDULER) {
      return live != null ? live.current().streamScheduler() : o.template.streamScheduler();
    } else if (name == SCTP_STREAM_SCHEDULER_VALUE) {
      LiveOptions l = Options.live(t, name).options();
      Map<Integer, Integer> values = new LinkedHashMap<>();
      for (int s = 0, n = l.status().outboundStreams(); s < n; s++) {
        values.put(s, l.streamSchedulerValue(s));
      }
      return new StreamSchedulerValues(values);
    } else if (name == SCTP_PR_ASSOC_STATUS) {
      return Options.live(t, name).options().prStatus(-1);
    } else if (name == SCTP_RECONFIG_SUPPORTED) {
      return live != null
          ? live.extensions().streamReconfiguration()
          : o.template.reconfigSupported();
    } else if (name == SCTP_ENABLE_STREAM_RESET) {
      return live != null ? live.streamResetFlags() : o.template.enableStreamReset();
    } else if (name == SCTP_HA_MODE) {
      return live != null ? live.haMode() : o.template.haMode();
    } else if (name == SCTP_ASCONF_SUPPORTED) {
      return live != null
          ? live.extensions().addressReconfiguration()
          : o.template.asconfSupported();
    } else if (WRITE_ONLY.contains(name)) {
      throw new UnsupportedOperationException(name.name() + " is write-only: it acts, as in Linux");
    } else {
      LiveOptions l = Options.live(t, name).options();
      int streams = l.status().outboundStreams();
      List<PrStatus> byStream = new ArrayList<>(streams);
      for (int s = 0; s < streams; s++) {
        byStream.add(l.prStatus(s));
      }
      return new PrStreamStatus(byStream);
    }
  }
}
