/**
 * Micrometer metrics for jsctp: {@link org.jsctp.micrometer.SctpMetrics} binds a stack's RFC 3873
 * counters, its associations by state and their buffered bytes to a {@code MeterRegistry}, with
 * Micrometer's naming conventions (docs/observability.md lists every meter).
 */
module org.jsctp.micrometer {
  requires transitive org.jsctp.netty;
  requires transitive micrometer.core;

  exports org.jsctp.micrometer;
}
