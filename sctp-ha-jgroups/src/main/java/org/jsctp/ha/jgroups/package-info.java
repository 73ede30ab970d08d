/** The {@code StateReplicator} of sctp-netty on JGroups (docs/ha.md). */
package org.jsctp.ha.jgroups;
