package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.SegmentedDatagramPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs of packets for UDP GSO: what the kernel gets to cut must be exactly the packets jsctp built,
 * in their order, to their destination.
 */
class SegmentedWritesTest {

  static final InetSocketAddress PEER = new InetSocketAddress(Loopback.LO1, 9899);
  static final InetSocketAddress OTHER_PEER = new InetSocketAddress(Loopback.LO2, 9899);

  final EmbeddedChannel channel = new EmbeddedChannel();
  final SegmentedWrites writes = new SegmentedWrites(UdpOffload.lookUp(false));

  @AfterEach
  void release() {
    channel.finishAndReleaseAll();
  }

  static byte[] packet(int size, int mark) {
    byte[] p = new byte[size];
    Arrays.fill(p, (byte) mark);
    return p;
  }

  /** One send as the kernel gets it; segmentSize 0 for a plain datagram. */
  record Send(InetSocketAddress recipient, int segmentSize, byte[] bytes) {

    /** The datagrams the kernel sends for it. */
    List<byte[]> datagrams() {
      int size = segmentSize == 0 ? bytes.length : segmentSize;
      List<byte[]> out = new ArrayList<>();
      for (int i = 0; i < bytes.length; i += size) {
        out.add(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + size)));
      }
      return out;
    }
  }

  List<Send> written() {
    channel.flush();
    List<Send> out = new ArrayList<>();
    for (Object m; (m = channel.readOutbound()) != null; ) {
      DatagramPacket p = (DatagramPacket) m;
      int segmentSize = p instanceof SegmentedDatagramPacket s ? s.segmentSize() : 0;
      out.add(new Send(p.recipient(), segmentSize, ByteBufUtil.getBytes(p.content())));
      p.release();
    }
    return out;
  }

  @Test
  void aRunOfFullPacketsAndAShorterLastOneLeavesAsOneSegmentedSend() {
    for (int i = 0; i < 5; i++) {
      writes.add(channel, PEER, packet(1452, i));
    }
    writes.add(channel, PEER, packet(300, 5));
    writes.writeRun();

    List<Send> out = written();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).segmentSize()).isEqualTo(1452);
    assertThat(out.get(0).recipient()).isEqualTo(PEER);
    List<byte[]> datagrams = out.get(0).datagrams();
    assertThat(datagrams).hasSize(6);
    for (int i = 0; i < 6; i++) {
      assertThat(datagrams.get(i)).isEqualTo(packet(i < 5 ? 1452 : 300, i));
    }
  }

  @Test
  void aPacketAfterAShorterOneALargerOneOrOneToAnotherPeerStartsANewRunInOrder() {
    writes.add(channel, PEER, packet(1000, 1));
    writes.add(channel, PEER, packet(600, 2));
    writes.add(channel, PEER, packet(600, 3));
    writes.add(channel, PEER, packet(1200, 4));
    writes.add(channel, OTHER_PEER, packet(1200, 5));
    writes.add(channel, OTHER_PEER, packet(1200, 6));
    writes.writeRun();

    List<Send> out = written();
    List<byte[]> sent = new ArrayList<>();
    for (Send p : out) {
      sent.addAll(p.datagrams());
    }
    assertThat(sent)
        .containsExactly(
            packet(1000, 1),
            packet(600, 2),
            packet(600, 3),
            packet(1200, 4),
            packet(1200, 5),
            packet(1200, 6));
    assertThat(out).extracting(Send::recipient).containsExactly(PEER, PEER, PEER, OTHER_PEER);
    assertThat(out).extracting(Send::segmentSize).containsExactly(1000, 0, 0, 1200);
  }

  @Test
  void aSingleDatagramIsNotSegmented() {
    writes.add(channel, PEER, packet(1452, 7));
    writes.writeRun();
    List<Send> out = written();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).segmentSize()).isZero();
    assertThat(out.get(0).bytes()).isEqualTo(packet(1452, 7));
  }

  @Test
  void aSendCarriesAtMostTheKernelsSegmentsAndBytes() {
    for (int i = 0; i < 70; i++) {
      writes.add(channel, PEER, packet(100, i));
    }
    for (int i = 0; i < 50; i++) {
      writes.add(channel, OTHER_PEER, packet(1452, i));
    }
    writes.writeRun();
    List<Send> out = written();
    assertThat(out).extracting(p -> p.datagrams().size()).containsExactly(64, 6, 44, 6);
    assertThat(out).allSatisfy(
        p -> assertThat(p.bytes().length).isLessThanOrEqualTo(UdpOffload.MAX_BYTES));
  }

  @Test
  void aRefusedSegmentedSendTurnsSegmentationOffForGood() {
    channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
      @Override
      public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof SegmentedDatagramPacket p) {
          p.release();
          promise.setFailure(new IOException("sendmmsg(..) failed: Input/output error"));
          return;
        }
        ctx.write(msg, promise);
      }
    });
    writes.add(channel, PEER, packet(1000, 1));
    writes.add(channel, PEER, packet(1000, 2));
    writes.writeRun();
    writes.add(channel, PEER, packet(1000, 3));
    writes.add(channel, PEER, packet(1000, 4));
    writes.writeRun();

    List<Send> out = written();
    assertThat(out).extracting(Send::segmentSize).containsExactly(0, 0);
    assertThat(out).extracting(Send::bytes).containsExactly(packet(1000, 3), packet(1000, 4));
  }
}
