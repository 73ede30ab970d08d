package org.jsctp.testkit;

import java.net.InetAddress;
import org.jsctp.api.AssociationChange;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.api.PathState;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;

/**
 * A client and a server with two or three addresses each, paired by subnet (10.0.N.1 with
 * 10.0.N.2), set up and with every path confirmed. Path N is the pair of links between 10.0.N.1
 * and 10.0.N.2; path 1 is the primary.
 */
public final class MultihomedPair {

  public final Simulator sim;
  public final SimEndpoint client;
  public final SimEndpoint server;
  public final SctpAssociation a;
  public final SctpAssociation b;
  public final InetAddress[] clientAddresses;
  public final InetAddress[] serverAddresses;

  public MultihomedPair(Simulator sim, StackConfig clientConfig, StackConfig serverConfig, int paths) {
    this(sim, clientConfig, serverConfig, paths, true);
  }

  /** @param confirmAll whether to wait until every path is confirmed */
  public MultihomedPair(Simulator sim, StackConfig clientConfig, StackConfig serverConfig, int paths,
      boolean confirmAll) {
    this.sim = sim;
    clientAddresses = new InetAddress[paths];
    serverAddresses = new InetAddress[paths];
    for (int i = 0; i < paths; i++) {
      clientAddresses[i] = SimAddresses.v4("10.0." + (i + 1) + ".1");
      serverAddresses[i] = SimAddresses.v4("10.0." + (i + 1) + ".2");
    }
    client = new SimEndpoint(clientConfig, sim.random("client"), 9899, clientAddresses);
    server = new SimEndpoint(serverConfig, sim.random("server"), 9899, serverAddresses);
    server.endpoint().listen(true);
    sim.attach("client", client);
    sim.attach("server", server);
    a = client.connect(sim.now(), 9899, serverAddresses[0]);
    sim.runUntil("up", () -> client.hasEvent(AssociationChange.Kind.COMM_UP)
        && server.firstAssociation() != null, SimTime.seconds(30));
    b = server.firstAssociation();
    if (confirmAll) {
      sim.runUntil("all paths confirmed", () -> allConfirmed(a) && allConfirmed(b), SimTime.seconds(30));
    }
  }

  private static boolean allConfirmed(SctpAssociation x) {
    var infos = x.options().peerAddressInfos();
    return infos.size() > 1 && infos.stream().noneMatch(p -> p.state() == PathState.UNCONFIRMED);
  }

  /** Path {@code n} (1-based) from the client's point of view. */
  public InetAddress serverAddress(int n) {
    return serverAddresses[n - 1];
  }

  public InetAddress clientAddress(int n) {
    return clientAddresses[n - 1];
  }

  /** Cuts (or heals) path {@code n} in both directions, silently. */
  public void blackhole(int n, boolean on) {
    sim.blackhole(clientAddresses[n - 1], serverAddresses[n - 1], on);
  }

  public PathState clientPathState(int n) {
    return a.options().peerAddressInfo(serverAddresses[n - 1]).state();
  }
}
