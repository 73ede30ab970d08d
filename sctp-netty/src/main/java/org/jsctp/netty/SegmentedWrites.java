package org.jsctp.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the packets of one write burst into runs for UDP GSO ({@link UdpOffload}): consecutive
 * packets on one channel to one destination, all of one size but the last, which may be shorter,
 * at most {@link UdpOffload#MAX_SEGMENTS} and {@link UdpOffload#MAX_BYTES}. A run of one packet
 * goes as a plain datagram; a longer one as one segmented datagram, copied into a direct buffer of
 * the channel's allocator (the copy the epoll transport makes of a heap packet anyway). The order
 * of the packets on each channel is kept.
 *
 * <p>Should the kernel refuse a segmented send (a route whose device cannot segment, a segment
 * above the route's MTU), the packets of that send are lost to the network, which SCTP repairs by
 * retransmission, and every later packet of the endpoint goes one datagram per packet. Runs on the
 * endpoint's event loop only.
 */
final class SegmentedWrites {

  private static final Logger LOG = LoggerFactory.getLogger(SegmentedWrites.class);

  private final UdpOffload offload;
  private final byte[][] run = new byte[UdpOffload.MAX_SEGMENTS][];
  private final ChannelFutureListener onSegmentedWrite = this::segmentedWriteDone;
  private Channel channel;
  private InetSocketAddress recipient;
  private int count;
  private int bytes;
  private int segmentSize;
  private boolean refused;

  SegmentedWrites(UdpOffload offload) {
    this.offload = offload;
  }

  /**
   * Adds a packet to the run, or writes the run and starts a new one with it when it does not
   * belong to the run.
   */
  void add(Channel ch, InetSocketAddress to, byte[] packet) {
    if (count > 0 && !fits(ch, to, packet.length)) {
      writeRun();
    }
    if (count == 0) {
      channel = ch;
      recipient = to;
      segmentSize = packet.length;
    }
    run[count++] = packet;
    bytes += packet.length;
  }

  private boolean fits(Channel ch, InetSocketAddress to, int length) {
    return !refused
        && ch == channel
        && run[count - 1].length == segmentSize
        && length <= segmentSize
        && count < UdpOffload.MAX_SEGMENTS
        && bytes + length <= UdpOffload.MAX_BYTES
        && to.equals(recipient);
  }

  /** Writes the run gathered so far (nothing when there is none). */
  void writeRun() {
    if (count == 0) {
      return;
    }
    Channel ch = channel;
    if (count == 1) {
      ch.write(new DatagramPacket(Unpooled.wrappedBuffer(run[0]), recipient), ch.voidPromise());
    } else {
      ByteBuf buf = ch.alloc().directBuffer(bytes);
      for (int i = 0; i < count; i++) {
        buf.writeBytes(run[i]);
      }
      ch.write(offload.segmented(buf, segmentSize, recipient)).addListener(onSegmentedWrite);
    }
    for (int i = 0; i < count; i++) {
      run[i] = null;
    }
    count = 0;
    bytes = 0;
    channel = null;
    recipient = null;
  }

  private void segmentedWriteDone(ChannelFuture f) {
    if (f.isSuccess() || refused || f.isCancelled() || f.cause() instanceof ClosedChannelException) {
      return;
    }
    refused = true;
    LOG.info(
        "the kernel refused a UDP GSO send on {} ({}): sending one datagram per packet from now on",
        f.channel().localAddress(),
        f.cause().toString());
  }
}
