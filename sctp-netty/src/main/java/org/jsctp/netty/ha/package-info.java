/**
 * Standby takeover in the runtime (docs/ha.md): the {@link org.jsctp.netty.ha.StateReplicator}
 * SPI that carries an endpoint's association state to a standby process, an in-memory
 * implementation for tests and demos, and the replication statistics.
 */
package org.jsctp.netty.ha;
