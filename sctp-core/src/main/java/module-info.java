/**
 * jsctp's protocol core: SCTP (RFC 9260) over UDP encapsulation (RFC 6951) as a sans-IO state
 * machine. An {@link org.jsctp.endpoint.Endpoint} takes datagrams, timeouts and application calls,
 * each with the driver's time, and answers with packets to send, events and its next deadline;
 * it never reads a clock, starts a thread, takes a lock or opens a socket.
 *
 * <p>Exported: the endpoint and its associations with their options facade, the configuration,
 * the events and value types, the MIB counters, the wire codec and the HA snapshots and
 * replication records ({@code org.jsctp.ha}). The sending and receiving
 * halves, the paths and the timers are internal.
 */
module org.jsctp.core {
  requires org.slf4j;

  exports org.jsctp.api;
  exports org.jsctp.association;
  exports org.jsctp.config;
  exports org.jsctp.endpoint;
  exports org.jsctp.ha;
  exports org.jsctp.stats;
  exports org.jsctp.wire;
  exports org.jsctp.util to org.jsctp.netty;
}
