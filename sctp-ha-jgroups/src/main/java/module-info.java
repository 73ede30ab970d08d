/**
 * Standby takeover on JGroups: {@link org.jsctp.ha.jgroups.JGroupsReplicator} implements
 * sctp-netty's {@code StateReplicator} with a two-member TCP group; JGroups' view change is the
 * takeover (docs/ha.md).
 */
@SuppressWarnings("requires-transitive-automatic")
module org.jsctp.ha.jgroups {
  requires transitive org.jsctp.netty;
  requires transitive org.jgroups;
  requires org.slf4j;

  exports org.jsctp.ha.jgroups;
}
