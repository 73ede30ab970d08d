package org.jsctp.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToDoubleFunction;
import org.jsctp.association.AssociationState;
import org.jsctp.micrometer.StackSample.Group;
import org.jsctp.micrometer.StackSample.GroupFigures;
import org.jsctp.netty.SctpStack;

/**
 * The meters of one stack in one registry. Counters are registered per local port the first time a
 * sample shows the port (ports never leave the samples, so counters never vanish); the gauges of
 * association groups follow the groups of each new sample, rows of groups gone are removed.
 * Every meter reads the shared {@link Sampler}; none holds the stack strongly (counters and gauges
 * hold it weakly, the rows hold the sampler, which holds it weakly).
 */
final class RegistryBinding {

  private final MeterRegistry registry;
  private final Sampler sampler;
  private final Tags common;
  private final Set<Integer> ports = new HashSet<>();
  private final MultiGauge associations;
  private final MultiGauge sendBuffer;
  private final MultiGauge receiveBuffer;
  private final ReentrantLock lock = new ReentrantLock();

  RegistryBinding(MeterRegistry registry, SctpStack stack, Sampler sampler, Tags common) {
    this.registry = registry;
    this.sampler = sampler;
    this.common = common;
    this.associations =
        MultiGauge.builder("sctp.associations")
            .tags(common)
            .description(
                "Associations by RFC 9260 state (ST of /proc/net/sctp/assocs, sctpAssocState)")
            .register(registry);
    this.sendBuffer =
        MultiGauge.builder("sctp.send.buffer")
            .tags(common)
            .baseUnit("bytes")
            .description("Bytes queued or sent and not yet acknowledged (tx_queue of assocs)")
            .register(registry);
    this.receiveBuffer =
        MultiGauge.builder("sctp.receive.buffer")
            .tags(common)
            .baseUnit("bytes")
            .description(
                "Bytes received and not yet read, held for reassembly and order included"
                    + " (rx_queue of assocs)")
            .register(registry);
    Gauge.builder("sctp.endpoints", stack, s -> sampler.sample().endpoints())
        .tags(common)
        .description("Endpoints of the stack (rows of /proc/net/sctp/eps)")
        .register(registry);
  }

  /** Registers the meters a new sample calls for. Any thread; called under the sampler's lock. */
  void update(StackSample sample) {
    lock.lock();
    try {
      for (int port : sample.ports()) {
        if (ports.add(port)) {
          registerCounters(port);
        }
      }
      List<MultiGauge.Row<?>> states = new ArrayList<>();
      List<MultiGauge.Row<?>> sent = new ArrayList<>();
      List<MultiGauge.Row<?>> received = new ArrayList<>();
      for (Group g : sample.groups().keySet()) {
        Tags tags = tags(g);
        for (AssociationState state : AssociationState.values()) {
          int i = state.ordinal();
          states.add(
              row(tags.and("state", state.name().toLowerCase(Locale.ROOT)), g, f -> f.byState[i]));
        }
        sent.add(row(tags, g, f -> f.sendBuffer));
        received.add(row(tags, g, f -> f.receiveBuffer));
      }
      associations.register(states);
      sendBuffer.register(sent);
      receiveBuffer.register(received);
    } finally {
      lock.unlock();
    }
  }

  private void registerCounters(int port) {
    SctpStack stack = sampler.stack();
    if (stack == null) {
      return;
    }
    Tags tags = common.and("local.port", StackSample.portTag(port));
    for (CounterMeter m : CounterMeter.ALL) {
      String name = m.counter().mibName();
      if (m.isGauge()) {
        Gauge.builder(m.name(), stack, s -> sampler.sample().counter(port, name))
            .tags(tags.and(m.tags()))
            .description(m.description())
            .register(registry);
      } else {
        FunctionCounter.builder(m.name(), stack, s -> sampler.sample().counter(port, name))
            .tags(tags.and(m.tags()))
            .description(m.description())
            .register(registry);
      }
    }
  }

  private static Tags tags(Group g) {
    Tags tags = Tags.of("local.port", g.localPort());
    return g.peer() == null ? tags : tags.and("peer", g.peer());
  }

  /** A row of an association gauge; MultiGauge holds its object strongly, so: the sampler. */
  private MultiGauge.Row<Sampler> row(
      Tags tags, Group group, ToDoubleFunction<GroupFigures> value) {
    return MultiGauge.Row.of(tags, sampler, s -> value.applyAsDouble(s.sample().group(group)));
  }
}
