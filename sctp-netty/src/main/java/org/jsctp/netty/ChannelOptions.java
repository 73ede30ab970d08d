package org.jsctp.netty;

import org.jsctp.association.SctpAssociation;
import org.jsctp.association.AssociationOptions;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.netty.option.DefaultSendParam;
import org.jsctp.netty.option.EventSubscription;

/**
 * The option values of one channel: the core's {@link AssociationOptions} that new associations
 * copy, and the settings that belong to the channel itself (linger, subscriptions, default send
 * parameters, UDP ports). Guarded by its own monitor: read and written from application threads and
 * from the event loop.
 */
final class ChannelOptions {

  /** localUdpPort value meaning "the channel kind's default". */
  static final int DEFAULT_PORT = -1;

  final StackConfig config;
  final AssociationOptions template;
  int asocMaxRxt;
  long cookieLifeMs;
  int psRetrans;
  int linger = -1;
  int fragmentInterleave;
  boolean explicitComplete;
  EventSubscription events = EventSubscription.defaults();
  DefaultSendParam defaultSend = DefaultSendParam.defaults();
  int localUdpPort = DEFAULT_PORT;
  int remoteUdpPort;

  ChannelOptions(StackConfig config) {
    this.config = config;
    this.template = AssociationOptions.from(config);
    this.asocMaxRxt = config.associationMaxRetrans();
    this.cookieLifeMs = config.get(Sysctl.VALID_COOKIE_LIFE);
    this.psRetrans = (int) config.get(Sysctl.PS_RETRANS);
    this.remoteUdpPort = (int) config.get(Sysctl.ENCAP_PORT);
  }

  private ChannelOptions(ChannelOptions o) {
    this.config = o.config;
    this.template = o.template.copy();
    this.asocMaxRxt = o.asocMaxRxt;
    this.cookieLifeMs = o.cookieLifeMs;
    this.psRetrans = o.psRetrans;
    this.linger = o.linger;
    this.fragmentInterleave = o.fragmentInterleave;
    this.explicitComplete = o.explicitComplete;
    this.events = o.events;
    this.defaultSend = o.defaultSend;
    this.localUdpPort = o.localUdpPort;
    this.remoteUdpPort = o.remoteUdpPort;
  }

  /** An independent copy, for a channel accepted from or branched off this one. */
  synchronized ChannelOptions copy() {
    return new ChannelOptions(this);
  }

  /** The options a new association starts from. */
  synchronized AssociationOptions associationOptions() {
    return template.copy();
  }

  /** The endpoint configuration: the stack's, with this channel's cookie lifetime. */
  synchronized StackConfig endpointConfig() {
    if (cookieLifeMs == config.get(Sysctl.VALID_COOKIE_LIFE)) {
      return config;
    }
    return config.toBuilder().set(Sysctl.VALID_COOKIE_LIFE, cookieLifeMs).build();
  }

  /** Applies the settings the core keeps outside AssociationOptions to a new association. */
  synchronized void applyTo(SctpAssociation a) {
    a.options().setAssociationMaxRetrans(asocMaxRxt);
    a.options().setPsRetrans(psRetrans);
  }

  synchronized int udpPortFor(boolean accepting) {
    if (localUdpPort != DEFAULT_PORT) {
      return localUdpPort;
    }
    return accepting ? config.udpPort() : 0;
  }

  synchronized EventSubscription events() {
    return events;
  }

  synchronized int fragmentInterleave() {
    return fragmentInterleave;
  }

  synchronized int linger() {
    return linger;
  }

  synchronized boolean explicitComplete() {
    return explicitComplete;
  }

  synchronized DefaultSendParam defaultSend() {
    return defaultSend;
  }

  synchronized int remoteUdpPort() {
    return remoteUdpPort;
  }
}
