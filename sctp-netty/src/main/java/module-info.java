/**
 * jsctp's runtime on Netty: {@link org.jsctp.netty.SctpStack} drives the protocol core on Netty
 * event loops over UDP, behind an API shaped like the JDK's {@code com.sun.nio.sctp} (one-to-one,
 * server and one-to-many channels, socket options, notifications, statistics).
 */
module org.jsctp.netty {
  requires transitive org.jsctp.core;
  requires io.netty.buffer;
  requires io.netty.common;
  requires transitive io.netty.transport;
  requires org.slf4j;
  // The JFR events of org.jsctp.netty.jfr (not exported; recordings read them by name).
  requires jdk.jfr;

  exports org.jsctp.netty;
  exports org.jsctp.netty.ha;
  exports org.jsctp.netty.option;
  exports org.jsctp.netty.stats;
}
