package org.jsctp.netty;

import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;

/**
 * An endpoint's end of its UDP sockets ({@link SharedUdpSocket}s, which may serve other SCTP ports
 * too): hands the datagrams for the endpoint's SCTP port to the runtime with the socket's own
 * local IP (the IP the datagram really arrived on), triggers the drain at the end of each read
 * burst, and reports writability changes. On the endpoint's event loop, which is the sockets'.
 */
final class DatagramHandler {

  private final EndpointRuntime runtime;

  /** Set by the socket while this handler has had datagrams in the current read burst. */
  boolean inBurst;

  DatagramHandler(EndpointRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * A datagram arrived on the socket bound to {@code localIp}. Borrows {@code p}: the runtime
   * copies its bytes; the caller releases it.
   */
  void read(InetAddress localIp, DatagramPacket p) {
    runtime.onDatagram(localIp, p.sender(), p.content());
  }

  /** A datagram for an SCTP port nobody has bound, dropped over the socket's answer budget. */
  void discarded() {
    runtime.countDiscard();
  }

  void readComplete() {
    runtime.onReadComplete();
  }

  /** One of the endpoint's sockets turned writable or unwritable. */
  void writabilityChanged(boolean writable) {
    runtime.onWritabilityChanged(writable);
  }

  @Override
  public String toString() {
    return runtime.toString();
  }
}
