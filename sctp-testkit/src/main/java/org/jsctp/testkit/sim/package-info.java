/**
 * A deterministic network simulator for sans-IO SCTP stacks (design.md section 6, item 4): one
 * seed fixes every random draw, virtual time replaces the clock, and nothing sleeps.
 *
 * <p>A stack is anything implementing {@link org.jsctp.testkit.sim.SimulatedStack}; the {@link
 * org.jsctp.testkit.sim.Simulator} attaches stacks on their addresses and UDP port, carries each datagram
 * over the directed {@link org.jsctp.testkit.sim.SimLink} between its source and destination address
 * (latency, jitter, loss, duplication, bandwidth with a tail-drop queue, MTU, blackhole,
 * chunk-aware {@link org.jsctp.testkit.sim.PacketFilter}s), and keeps each stack's single deadline
 * armed. Every datagram and its fate land in the {@link org.jsctp.testkit.sim.Trace}, which can be
 * written as a pcap for Wireshark.
 *
 * <p>A failover scenario, with the primary path cut at 5 s and healed at 20 s:
 *
 * <pre>{@code
 * @ExtendWith(SimulatorExtension.class)          // injects the Simulator, writes a pcap on failure
 * class FailoverTest {
 *   static final InetAddress A1 = SimAddresses.v4("10.0.0.1"), A2 = SimAddresses.v4("10.0.1.1");
 *   static final InetAddress B1 = SimAddresses.v4("10.0.0.2"), B2 = SimAddresses.v4("10.0.1.2");
 *
 *   @Test
 *   void movesDataToTheAlternatePathWhileThePrimaryIsCut(Simulator sim) {
 *     sim.defaultProfile(LinkProfile.DEFAULT.withLatency(SimTime.millis(20)).withLoss(0.01));
 *     MyStackAdapter client = new MyStackAdapter(sim.random("client"), A1, A2);
 *     MyStackAdapter server = new MyStackAdapter(sim.random("server"), B1, B2);
 *     sim.attach("client", client);
 *     sim.attach("server", server);
 *     sim.at(SimTime.fromOrigin(SimTime.seconds(5)), "cut primary", () -> sim.blackhole(A1, B1, true));
 *     sim.at(SimTime.fromOrigin(SimTime.seconds(20)), "heal primary", () -> sim.blackhole(A1, B1, false));
 *     sim.link(B2, A2).dropNext(ChunkType.HEARTBEAT_ACK);
 *
 *     client.connect(sim.now(), B1);                       // commands go straight to the stack;
 *     sim.runUntil("established", client::isEstablished, SimTime.seconds(10));  // runs drain it
 *     client.send(sim.now(), new byte[1000]);
 *     sim.runFor(SimTime.seconds(30));
 *     sim.runUntilIdle(SimTime.seconds(60));
 *
 *     assertThat(sim.trace().onLink(A2, B2)).isNotEmpty();
 *     assertThat(sim.link(A1, B1).counters().dropped(Fate.BLACKHOLED)).isPositive();
 *   }
 * }
 * }</pre>
 *
 * <p>Rules of use:
 *
 * <ul>
 *   <li>Time is a {@code long} of virtual nanoseconds starting at {@link
 *       org.jsctp.testkit.sim.SimTime#ORIGIN} (not zero); {@code at} takes absolute times, {@code after}
 *       and the run methods take durations.
 *   <li>Commands given directly to a stack take effect at the next run call (or {@link
 *       org.jsctp.testkit.sim.Simulator#pollStacks()}); commands inside {@code at}/{@code after} actions
 *       take effect at the action's time.
 *   <li>Every run call is bounded: {@code runUntil} and {@code runUntilIdle} fail after their
 *       limit, and all fail on a livelock or an exhausted event budget ({@link
 *       org.jsctp.testkit.sim.DriveLimits}), with a {@link org.jsctp.testkit.sim.SimulationFailure} naming the seed
 *       and the last events.
 *   <li>Randomized tests take their seed from {@code -Dsim.seed} (the extension does this and
 *       prints it); {@link org.jsctp.testkit.sim.SeedSoak} runs a scenario over {@code -Dsim.soak.count}
 *       seeds and stops at the first failure.
 *   <li>Stacks get their randomness from {@link org.jsctp.testkit.sim.Simulator#random(String)}, never
 *       from ambient sources, or the run stops being reproducible.
 * </ul>
 */
package org.jsctp.testkit.sim;
