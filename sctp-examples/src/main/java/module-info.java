/**
 * jsctp's tools and demo: echo and throughput servers and clients, the scale client and the
 * failover demo, the standby takeover server and demo, as picocli commands of one executable jar.
 */
module org.jsctp.examples {
  requires org.jsctp.netty;
  requires org.jsctp.ha.jgroups;
  requires info.picocli;
  requires java.management;
  requires jdk.management;

  opens org.jsctp.examples to info.picocli;
}
