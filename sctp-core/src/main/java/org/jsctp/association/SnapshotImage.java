package org.jsctp.association;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.ha.AssociationHeader;
import org.jsctp.ha.AssociationSnapshot;
import org.jsctp.ha.PathSnapshot;
import org.jsctp.ha.ReceiverSnapshot;
import org.jsctp.ha.ReconfigSnapshot;
import org.jsctp.path.Path;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.CommonHeader;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.ReConfigChunk;
import org.jsctp.wire.ReconfigurationResponseParameter;
import org.jsctp.wire.SctpPacket;
import org.jsctp.wire.WireFormatException;

/**
 * An association as the replicated values of {@code org.jsctp.ha} (docs/ha.md): the header (tags,
 * state, settings, paths, RE-CONFIG) and the whole snapshot with the data halves, and the
 * RE-CONFIG state back.
 */
final class SnapshotImage {

  private static final long MS = 1_000_000L;

  private SnapshotImage() {}

  /** The whole association, as a standby needs it to take over. */
  static AssociationSnapshot snapshot(SctpAssociation a, Tcb tcb, long now,
      List<ReceiverSnapshot.Redelivery> redelivery) {
    return new AssociationSnapshot(header(a, tcb), tcb.sender.exportState(now),
        tcb.receiver.exportState(redelivery));
  }

  static AssociationHeader header(SctpAssociation a, Tcb tcb) {
    List<Path> list = a.paths.paths();
    List<PathSnapshot> paths = new ArrayList<>(list.size());
    int primary = -1;
    for (int i = 0; i < list.size(); i++) {
      Path p = list.get(i);
      paths.add(new PathSnapshot(p.address(), p.udpPort(), p.state(), p.errorCount(),
          p.configuredMtu(),
          p.rto().srtt(), p.rto().rttvar(), p.rto().rto(), p.rto().hasMeasurement(),
          p.thresholds().pathMaxRetrans(), p.thresholds().pfRetrans(),
          p.heartbeatIntervalNanos() / MS, p.heartbeatEnabled()));
      if (p == a.paths.primary()) {
        primary = i;
      }
    }
    return new AssociationHeader(a.id(), a.localPort(), a.peerPort(), tcb.localTag, tcb.peerTag,
        tcb.localInitialTsn, tcb.peerInitialTsn, a.state(), tcb.extensions, tcb.outboundStreams,
        tcb.inboundStreams, tcb.errorCount(), OptionsImage.of(a.options),
        a.localAddresses(), paths, primary,
        tcb.reconfig == null ? null : reconfig(tcb.reconfig));
  }

  /**
   * A cheap digest of what a header holds and may change while the association lives, RTO and
   * settings aside: when it differs, the header is replicated at once.
   */
  static long fingerprint(SctpAssociation a, Tcb tcb) {
    long h = a.state().ordinal();
    h = 31 * h + a.options.haSyncTsnThreshold();
    h = 31 * h + tcb.outboundStreams;
    h = 31 * h + tcb.inboundStreams;
    List<Path> list = a.paths.paths();
    for (int i = 0; i < list.size(); i++) {
      Path p = list.get(i);
      h = 31 * h + p.state().ordinal();
      h = 31 * h + p.udpPort();
      h = 31 * h + p.configuredMtu();
      h = 31 * h + (p.heartbeatEnabled() ? 1 : 0);
      h = 31 * h + (p == a.paths.primary() ? 1 : 0);
    }
    ReconfigState r = tcb.reconfig;
    if (r != null) {
      h = 31 * h + r.nextSequence;
      h = 31 * h + r.expectedPeerSequence;
      h = 31 * h + System.identityHashCode(r.request);
      if (r.request != null) {
        h = 31 * h + (r.request.sent ? 1 : 0) + (r.request.retry ? 2 : 0);
        for (ReconfigRequest.Part part : r.request.parts) {
          h = 31 * h + (part.answered ? 1 : 0);
        }
      }
      h = 31 * h + (r.awaitedOutgoingReset == null ? -1 : r.awaitedOutgoingReset);
      h = 31 * h + (r.awaitedAddOutgoing ? 1 : 0);
    }
    return h;
  }

  static ReconfigSnapshot reconfig(ReconfigState r) {
    ReconfigSnapshot.Request request = null;
    if (r.request != null) {
      ReconfigRequest q = r.request;
      List<ReconfigSnapshot.Part> parts = new ArrayList<>(q.parts.size());
      for (ReconfigRequest.Part p : q.parts) {
        parts.add(new ReconfigSnapshot.Part(p.kind.ordinal(), p.streams, p.count, p.sequence,
            p.answered));
      }
      request = new ReconfigSnapshot.Request(parts, q.answers == null ? -1 : q.answers,
          q.answers != null, q.lastAssignedTsn, q.responseSequence, q.sent, q.retry);
    }
    List<ReconfigSnapshot.Answer> answers = new ArrayList<>(2);
    for (ReconfigState.Answered kept : r.keptAnswers()) {
      ReConfigChunk chunk = new ReConfigChunk(List.of(kept.request(), kept.response()));
      byte[] packet = new SctpPacket(new CommonHeader(1, 1, 0, 0), List.of(chunk)).encode();
      answers.add(new ReconfigSnapshot.Answer(kept.sequence(), Bytes.wrap(packet)));
    }
    return new ReconfigSnapshot(r.nextSequence, r.expectedPeerSequence,
        r.awaitedOutgoingReset == null ? -1 : r.awaitedOutgoingReset,
        r.awaitedOutgoingReset != null, r.awaitedAddOutgoing, request, answers);
  }

  /**
   * The RE-CONFIG state of a replicated association; its request, if sent, goes again when the
   * timer the caller starts expires.
   *
   * @throws IllegalArgumentException for a kept answer that does not decode
   */
  static ReconfigState reconfig(ReconfigSnapshot s, int localInitialTsn, int peerInitialTsn) {
    ReconfigState r = new ReconfigState(localInitialTsn, peerInitialTsn);
    r.nextSequence = s.nextSequence();
    r.expectedPeerSequence = s.expectedPeerSequence();
    r.awaitedOutgoingReset = s.awaitingOutgoingReset() ? s.awaitedOutgoingReset() : null;
    r.awaitedAddOutgoing = s.awaitedAddOutgoing();
    if (s.request() != null) {
      ReconfigSnapshot.Request q = s.request();
      List<ReconfigRequest.Part> parts = new ArrayList<>(q.parts().size());
      ReconfigRequest.Kind[] kinds = ReconfigRequest.Kind.values();
      for (ReconfigSnapshot.Part p : q.parts()) {
        ReconfigRequest.Part part = new ReconfigRequest.Part(kinds[p.kind()], p.streams(),
            p.count());
        part.sequence = p.sequence();
        part.answered = p.answered();
        parts.add(part);
      }
      ReconfigRequest request = new ReconfigRequest(parts, q.answering() ? q.answers() : null);
      request.lastAssignedTsn = q.lastAssignedTsn();
      request.responseSequence = q.responseSequence();
      request.sent = q.sent();
      request.retry = q.retry();
      r.request = request;
    }
    for (ReconfigSnapshot.Answer answer : s.answered()) {
      ByteBuffer bytes = answer.chunk().asReadOnlyByteBuffer();
      try {
        SctpPacket packet = SctpPacket.decode(bytes);
        ReConfigChunk chunk = (ReConfigChunk) packet.chunks().get(0);
        Parameter request = chunk.parameters().get(0);
        ReconfigurationResponseParameter response =
            (ReconfigurationResponseParameter) chunk.parameters().get(1);
        r.restoreAnswer(new ReconfigState.Answered(answer.sequence(), request, response));
      } catch (WireFormatException | ClassCastException | IndexOutOfBoundsException e) {
        throw new IllegalArgumentException("kept RE-CONFIG answer " + answer.sequence()
            + " does not decode: " + e.getMessage(), e);
      }
    }
    return r;
  }
}
