/**
 * Read-only views of a stack, in the vocabulary of Linux's {@code /proc/net/sctp}: {@link
 * org.jsctp.netty.stats.EndpointEntry} rows as in {@code eps}, {@link
 * org.jsctp.netty.stats.AssociationEntry} rows as in {@code assocs}. The counters of {@code snmp}
 * come from {@link org.jsctp.netty.SctpStack#snmp()}.
 */
package org.jsctp.netty.stats;
