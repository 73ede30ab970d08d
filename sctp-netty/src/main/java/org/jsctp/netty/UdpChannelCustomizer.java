package org.jsctp.netty;

import io.netty.channel.ChannelPipeline;
import java.net.InetSocketAddress;

/**
 * A hook called for every UDP channel the stack opens, before it is bound: it may add handlers to
 * the channel's pipeline (capture, metrics, fault injection in tests). The stack adds its own
 * handler after the hook returns, at the end of the pipeline, so the hook's handlers see received
 * datagrams first and outgoing datagrams last.
 *
 * <p>Handlers see {@link io.netty.channel.socket.DatagramPacket} messages, one SCTP packet each
 * (a stack with a customizer does not segment its sends with UDP GSO). A handler that drops a
 * datagram must release it ({@link io.netty.util.ReferenceCountUtil#release(Object)}) and, for a
 * write, complete the promise.
 */
@FunctionalInterface
public interface UdpChannelCustomizer {

  /**
   * Customizes one channel.
   *
   * @param localAddress the local IP and UDP port the channel is about to bind (port 0 when
   *     ephemeral)
   * @param pipeline the channel's pipeline, still empty
   */
  void customize(InetSocketAddress localAddress, ChannelPipeline pipeline);
}
