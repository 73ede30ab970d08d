package org.jsctp.netty;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.AlreadyBoundException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Adding and removing local addresses of a bound endpoint, shared by the three channel kinds. */
final class LocalBinding {

  private LocalBinding() {}

  /** sctp_bindx ADD: reserves the SCTP port on the address, binds its UDP channel. */
  static void add(SctpStack stack, EndpointRuntime rt, InetAddress address) throws IOException {
    Objects.requireNonNull(address, "address");
    if (rt.localAddresses().contains(address)) {
      throw new AlreadyBoundException();
    }
    stack.reservePort(List.of(address), rt.sctpPort());
    try {
      Blocking.await(rt.addLocalAddress(address), -1, "bindAddress");
    } catch (IOException | RuntimeException e) {
      stack.releasePorts(List.of(address), rt.sctpPort());
      throw e;
    }
  }

  /** sctp_bindx REM: refused (IllegalUnbindException) while associations exist. */
  static void remove(SctpStack stack, EndpointRuntime rt, InetAddress address) throws IOException {
    Objects.requireNonNull(address, "address");
    Blocking.await(rt.removeLocalAddress(address), -1, "unbindAddress");
    stack.releasePorts(List.of(address), rt.sctpPort());
  }

  /** The local IPs with the SCTP port; empty before bind. */
  static Set<SocketAddress> addresses(EndpointRuntime rt) {
    Set<SocketAddress> set = new LinkedHashSet<>();
    if (rt != null) {
      for (InetAddress ip : rt.localAddresses()) {
        set.add(new InetSocketAddress(ip, rt.sctpPort()));
      }
    }
    return set;
  }
}
