package org.jsctp.netty;

import java.util.concurrent.locks.ReentrantLock;
import org.jsctp.association.AssociationOptions;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.netty.option.DefaultSendParam;
import org.jsctp.netty.option.PrInfo;
import org.jsctp.netty.option.EventSubscription;

/**
 * The option values of one channel: the core's {@link AssociationOptions} that new associations
 * copy, and the settings that belong to the channel itself (linger, subscriptions, default send
 * parameters, UDP ports), read and written from application threads and from the event loop.
 * Written under {@link #lock}; the template and the values read together are read under it too, the
 * single values a send, a receive or a notification reads are volatile (see {@link ChannelBinding}
 * for the locking of the channels).
 */
final class ChannelOptions {

  /** localUdpPort value meaning "the channel kind's default". */
  static final int DEFAULT_PORT = -1;

  /** Held to write any field below and to read those not volatile; never held to wait. */
  final ReentrantLock lock = new ReentrantLock();

  final StackConfig config;
  final AssociationOptions template;
  int asocMaxRxt;
  long cookieLifeMs;
  int psRetrans;
  volatile int linger = -1;
  volatile int fragmentInterleave;
  volatile boolean explicitComplete;
  volatile EventSubscription events = EventSubscription.defaults();
  volatile DefaultSendParam defaultSend = DefaultSendParam.defaults();
  volatile PrInfo defaultPrInfo = PrInfo.none();
  int localUdpPort = DEFAULT_PORT;
  volatile int remoteUdpPort;

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
    this.defaultPrInfo = o.defaultPrInfo;
    this.localUdpPort = o.localUdpPort;
    this.remoteUdpPort = o.remoteUdpPort;
  }

  /** An independent copy, for a channel accepted from or branched off this one. */
  ChannelOptions copy() {
    lock.lock();
    try {
      return new ChannelOptions(this);
    } finally {
      lock.unlock();
    }
  }

  /** The options a new association starts from. */
  AssociationOptions associationOptions() {
    lock.lock();
    try {
      return template.copy();
    } finally {
      lock.unlock();
    }
  }

  /** The endpoint configuration: the stack's, with this channel's cookie lifetime. */
  StackConfig endpointConfig() {
    lock.lock();
    try {
      if (cookieLifeMs == config.get(Sysctl.VALID_COOKIE_LIFE)) {
        return config;
      }
      return config.toBuilder().set(Sysctl.VALID_COOKIE_LIFE, cookieLifeMs).build();
    } finally {
      lock.unlock();
    }
  }

  /** Applies the settings the core keeps outside AssociationOptions to a new association. */
  void applyTo(SctpAssociation a) {
    lock.lock();
    try {
      a.options().setAssociationMaxRetrans(asocMaxRxt);
      a.options().setPsRetrans(psRetrans);
    } finally {
      lock.unlock();
    }
  }

  int udpPortFor(boolean accepting) {
    lock.lock();
    try {
      if (localUdpPort != DEFAULT_PORT) {
        return localUdpPort;
      }
      return accepting ? config.udpPort() : 0;
    } finally {
      lock.unlock();
    }
  }

  EventSubscription events() {
    return events;
  }

  int fragmentInterleave() {
    return fragmentInterleave;
  }

  int linger() {
    return linger;
  }

  boolean explicitComplete() {
    return explicitComplete;
  }

  DefaultSendParam defaultSend() {
    return defaultSend;
  }

  int remoteUdpPort() {
    return remoteUdpPort;
  }
}
