package org.jsctp.micrometer;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jsctp.association.AssociationState;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.stats.AssociationEntry;
import org.jsctp.netty.stats.EndpointEntry;

/**
 * What the meters of one stack show at one moment: the counters per local port ({@link
 * SctpStack#snmpByPort()}), the number of endpoints, and per group of associations (local port,
 * and peer when peers are tagged) their count in each state and their buffered bytes.
 *
 * @param counters per statistics port (0: the ephemeral ports), per Linux counter name
 * @param groups the associations' figures by group; every port with an endpoint has a group
 * @param endpoints the number of endpoints
 */
record StackSample(
    Map<Integer, Map<String, Long>> counters, Map<Group, GroupFigures> groups, int endpoints) {

  /** The tag value of a statistics port: the port, or "ephemeral" for 0. */
  static String portTag(int statisticsPort) {
    return statisticsPort == 0 ? "ephemeral" : Integer.toString(statisticsPort);
  }

  /** A group of associations: its local port tag, and its peer tag (null when peers are untagged). */
  record Group(String localPort, String peer) {}

  /** The associations of one group: how many in each state, and their buffered bytes. */
  static final class GroupFigures {
    final long[] byState = new long[AssociationState.values().length];
    long sendBuffer;
    long receiveBuffer;
  }

  static final StackSample EMPTY = new StackSample(Map.of(), Map.of(), 0);

  /**
   * Reads the stack now. Counters never go back below {@code previous}: a counter of an endpoint
   * that did not answer in time keeps its last value.
   *
   * @param peerTag the peer tag of an association's first peer address, or null to tag no peer
   */
  static StackSample take(
      SctpStack stack, StackSample previous, Function<InetAddress, String> peerTag) {
    Map<Integer, Map<String, Long>> counters = new TreeMap<>(stack.snmpByPort());
    previous.counters().forEach((port, old) -> counters.merge(port, old, StackSample::atLeast));
    Map<Group, GroupFigures> groups = new HashMap<>();
    List<EndpointEntry> endpoints = stack.endpoints();
    if (peerTag == null) {
      for (EndpointEntry e : endpoints) {
        groups.computeIfAbsent(
            new Group(portTag(SctpStack.statisticsPort(e.localPort())), null),
            g -> new GroupFigures());
      }
    }
    for (AssociationEntry a : stack.associations()) {
      String port = portTag(SctpStack.statisticsPort(a.localPort()));
      String peer = peerTag == null ? null : peerTag.apply(firstPeer(a));
      GroupFigures f = groups.computeIfAbsent(new Group(port, peer), g -> new GroupFigures());
      f.byState[a.state().ordinal()]++;
      f.sendBuffer += a.txQueue();
      f.receiveBuffer += a.rxQueue();
    }
    return new StackSample(counters, groups, endpoints.size());
  }

  /** The counter under {@code mibName} of {@code port}; 0 when the port has none yet. */
  long counter(int port, String mibName) {
    Map<String, Long> m = counters.get(port);
    return m == null ? 0 : m.getOrDefault(mibName, 0L);
  }

  /** The figures of {@code group}, empty when it has no association now. */
  GroupFigures group(Group group) {
    GroupFigures f = groups.get(group);
    return f == null ? new GroupFigures() : f;
  }

  Set<Integer> ports() {
    return counters.keySet();
  }

  private static InetAddress firstPeer(AssociationEntry a) {
    if (a.primary() != null) {
      return a.primary();
    }
    return a.remoteAddresses().isEmpty() ? null : a.remoteAddresses().get(0);
  }

  /** Each counter of {@code now}, or of {@code old} where that is larger; SctpCurrEstab as now. */
  private static Map<String, Long> atLeast(Map<String, Long> now, Map<String, Long> old) {
    Map<String, Long> out = new java.util.LinkedHashMap<>(now);
    old.forEach(
        (name, value) -> {
          if (!name.equals(org.jsctp.stats.MibCounter.SCTP_CURR_ESTAB.mibName())) {
            out.merge(name, value, Math::max);
          }
        });
    return out;
  }
}
