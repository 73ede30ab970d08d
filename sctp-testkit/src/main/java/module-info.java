/**
 * jsctp's test kit: test SCTP applications, and the stack itself, in virtual time. A
 * deterministic network simulator ({@link org.jsctp.testkit.sim.Simulator}) with per-link latency,
 * jitter, loss, duplication, bandwidth, MTU and blackholes, seeds that replay and pcap output; a
 * scripted peer that plays one side of an association packet by packet; a multihomed pair; a
 * workload generator with delivery checks; and a JUnit 5 extension that hands a seeded simulator
 * to a test and writes a capture when it fails.
 */
module org.jsctp.testkit {
  requires transitive org.jsctp.core;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;

  exports org.jsctp.testkit;
  exports org.jsctp.testkit.sim;
}
