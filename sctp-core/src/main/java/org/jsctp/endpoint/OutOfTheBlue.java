package org.jsctp.endpoint;

import java.net.Inet4Address;
import java.util.List;
import org.jsctp.association.Destination;
import org.jsctp.config.Sysctl;
import org.jsctp.stats.MibCounter;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.PacketBuilder;
import org.jsctp.wire.SctpPacket;
import org.jsctp.wire.ShutdownAckChunk;
import org.jsctp.wire.ShutdownCompleteChunk;
import org.jsctp.wire.StaleCookieCause;

/**
 * Out-of-the-blue packets (RFC 9260 section 8.4): well-formed packets that belong to no
 * association, handled by the rules of that section in order. Replies reflect the packet's tag
 * with the T bit and go back encapsulated on the mirrored ports (RFC 6951 section 5.5 and
 * draft-tuexen-tsvwg-sctp-udp-encaps-cons). Rule 8's ABORT can be switched off
 * ({@code ootb_abort}) for peers behind NATs, where it can kill live associations.
 */
final class OutOfTheBlue {

  private final Endpoint endpoint;

  OutOfTheBlue(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** Rule 1: a packet from a non-unicast source gets no answer and starts nothing. */
  static boolean fromNonUnicast(Destination source) {
    return source.remote().isMulticastAddress() || source.remote().isAnyLocalAddress();
  }

  void handle(long now, SctpPacket packet, Destination source) {
    endpoint.counters().increment(MibCounter.SCTP_IN_SCTP_PACKS);
    endpoint.counters().increment(MibCounter.SCTP_OUT_OF_BLUES);
    List<Chunk> chunks = packet.chunks();
    if (fromNonUnicast(source)) {
      return;
    }
    // The rules apply in their order, whatever the order of the chunks: rule 5 before 6 and 7.
    boolean shutdownAck = false;
    boolean silent = false;
    for (Chunk c : chunks) {
      if (c instanceof AbortChunk) {
        return; // Rule 2: never answer an ABORT.
      }
      if (c instanceof ShutdownAckChunk) {
        shutdownAck = true;
      }
      if (c instanceof ShutdownCompleteChunk // Rule 6.
          || c instanceof CookieAckChunk // Rule 7.
          || c instanceof ErrorChunk e && e.cause(StaleCookieCause.class).isPresent()) {
        silent = true;
      }
    }
    if (shutdownAck) {
      // Rule 5: SHUTDOWN COMPLETE with the T bit and the packet's own tag.
      reply(packet, source, new ShutdownCompleteChunk(true));
      return;
    }
    if (silent) {
      return;
    }
    if (endpoint.config().flag(Sysctl.OOTB_ABORT)) {
      // Rule 8: ABORT with the T bit, reflecting the tag.
      reply(packet, source, new AbortChunk(true, List.of()));
    }
  }

  private void reply(SctpPacket packet, Destination source, Chunk chunk) {
    int overhead = source.remote() instanceof Inet4Address ? 28 : 48;
    PacketBuilder builder =
        new PacketBuilder((int) endpoint.config().get(Sysctl.PATH_MTU) - overhead);
    builder.add(chunk);
    endpoint.counters().increment(MibCounter.SCTP_OUT_CTRL_CHUNKS);
    byte[] bytes = builder.build(packet.header().destinationPort(), packet.header().sourcePort(),
        packet.header().verificationTag());
    endpoint.send(new Transmit(source.local(), source.remote(), source.udpPort(), bytes));
  }
}
