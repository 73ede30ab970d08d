/**
 * jsctp's tools and demo: echo and throughput servers and clients, the scale client and the
 * failover demo, as picocli commands of one executable jar.
 */
module org.jsctp.examples {
  requires org.jsctp.netty;
  requires info.picocli;
  requires java.management;
  requires jdk.management;

  opens org.jsctp.examples to info.picocli;
}
