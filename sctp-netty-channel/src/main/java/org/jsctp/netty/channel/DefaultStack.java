package org.jsctp.netty.channel;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jsctp.netty.SctpStack;

/**
 * The process-wide jsctp stack behind the channels' no-argument constructors, what the kernel's
 * SCTP stack is to Netty's NIO channels: {@code .channel(JsctpSctpChannel.class)} works without
 * code that builds a stack.
 *
 * <p>It is built on first use from the system properties named like Linux's sysctls, {@code
 * -Dnet.sctp.udp_port=9899 -Dnet.sctp.encap_port=9899 -Dnet.sctp.rto_min=200} (every {@code
 * net.sctp.*} key of docs/configuration.md; a property the stack does not know, or a bad value,
 * makes the channel's construction fail naming it), with one event loop thread named {@code
 * jsctp-default}, a daemon. It lives as long as the process; at exit, what is still open is aborted
 * (an ABORT to each peer) by a shutdown hook. An application that wants to choose its stack's
 * lifetime, its threads or its address filter builds an {@link SctpStack} and passes it to the
 * channels' {@code factory(stack)}.
 */
public final class DefaultStack {

  private static final String PREFIX = "net.sctp.";
  private static final ReentrantLock LOCK = new ReentrantLock();
  private static volatile SctpStack stack;

  private DefaultStack() {}

  /**
   * The process-wide stack, built on the first call.
   *
   * @throws IllegalArgumentException naming the property, for an unknown {@code net.sctp.*}
   *     property or a bad value
   */
  public static SctpStack get() {
    SctpStack s = stack;
    if (s != null) {
      return s;
    }
    LOCK.lock();
    try {
      if (stack == null) {
        SctpStack built = build(System.getProperties());
        Runtime.getRuntime().addShutdownHook(new Thread(built::close, "jsctp-default-close"));
        stack = built;
      }
      return stack;
    } finally {
      LOCK.unlock();
    }
  }

  /** A stack configured by the {@code net.sctp.*} entries of {@code properties}. */
  static SctpStack build(Properties properties) {
    return SctpStack.builder().sysctl(sysctl(properties)).threadName("jsctp-default").build();
  }

  /** The {@code net.sctp.*} entries of {@code properties}. */
  static Map<String, String> sysctl(Properties properties) {
    Map<String, String> m = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith(PREFIX)) {
        m.put(key, properties.getProperty(key));
      }
    }
    return m;
  }
}
