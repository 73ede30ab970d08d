package org.jsctp.netty;

/** Which Netty transport carries the UDP datagrams. */
public enum Transport {
  /** Java NIO: available everywhere. */
  NIO,
  /**
   * Linux epoll; needs {@code io.netty:netty-transport-native-epoll} (with its native classifier)
   * on the class path. The stack does not depend on it.
   */
  EPOLL,
  /** Epoll when it is on the class path and works on this system, NIO otherwise. */
  AUTO
}
