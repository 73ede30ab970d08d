package org.jsctp.ha;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.jsctp.api.PathState;
import org.jsctp.api.PrPolicy;
import org.jsctp.association.AssociationState;
import org.jsctp.association.Extensions;

/**
 * The binary format of snapshots and replication records (docs/ha.md, "Snapshot format"): a
 * 12-byte header (magic {@code "JSHA"}, format version, kind, flags, content length), the
 * content in big-endian fields, and a CRC32C over everything before it. A blob that is not ours,
 * of an unknown version, of the wrong kind, corrupted or cut short is refused with a {@link
 * SnapshotFormatException} before any of it is used.
 *
 * <p>Version 1 is the only one written and read. A later version that adds fields at the end of
 * a structure keeps the magic and bumps the version; readers refuse versions they do not know,
 * so that a standby never restores what it only half understood.
 */
public final class SnapshotCodec {

  /** "JSHA". */
  public static final int MAGIC = 0x4A53_4841;

  /** The format version this build writes and reads. */
  public static final int VERSION = 1;

  /** The header: magic (4), version (2), kind (1), flags (1), content length (4). */
  public static final int HEADER_LENGTH = 12;

  /** The trailer: CRC32C (4). */
  public static final int TRAILER_LENGTH = 4;

  static final int KIND_SNAPSHOT = 1;
  static final int KIND_RECORD = 2;
  static final int KIND_ENDPOINT = 3;

  private SnapshotCodec() {}

  // ---- public entry points -----------------------------------------------------------------

  /** The blob of an association snapshot. */
  public static byte[] encode(AssociationSnapshot snapshot) {
    BlobWriter w = begin(KIND_SNAPSHOT);
    writeSnapshot(w, snapshot);
    return finish(w);
  }

  /**
   * Reads an association snapshot.
   *
   * @throws SnapshotFormatException when the blob is not a readable snapshot of this version
   */
  public static AssociationSnapshot decodeSnapshot(byte[] blob) {
    BlobReader r = open(blob, KIND_SNAPSHOT);
    AssociationSnapshot s = readSnapshot(r);
    close(r);
    return s;
  }

  /** The blob of a replication record. */
  public static byte[] encode(ReplicationRecord record) {
    BlobWriter w = begin(KIND_RECORD);
    w.i32(record.associationId());
    w.i64(record.sequence());
    w.u8(record.causes());
    w.bool(record.isSnapshot());
    if (record.isSnapshot()) {
      writeSnapshot(w, record.snapshot());
    } else {
      w.count(record.deltas().size());
      for (Delta d : record.deltas()) {
        DeltaCodec.write(w, d);
      }
    }
    return finish(w);
  }

  /**
   * Reads a replication record.
   *
   * @throws SnapshotFormatException when the blob is not a readable record of this version
   */
  public static ReplicationRecord decodeRecord(byte[] blob) {
    BlobReader r = open(blob, KIND_RECORD);
    int association = r.i32("association id");
    long sequence = r.i64("sequence");
    int causes = r.u8("causes");
    boolean snapshot = r.bool("snapshot flag");
    ReplicationRecord record;
    try {
      if (snapshot) {
        record = new ReplicationRecord(association, sequence, causes, readSnapshot(r), List.of());
      } else {
        int n = r.count("deltas", 1);
        List<Delta> deltas = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          deltas.add(DeltaCodec.read(r));
        }
        record = new ReplicationRecord(association, sequence, causes, null, deltas);
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      throw BlobReader.malformed("record: " + e.getMessage());
    }
    close(r);
    return record;
  }

  /** The blob of an endpoint snapshot. */
  public static byte[] encode(EndpointSnapshot snapshot) {
    BlobWriter w = begin(KIND_ENDPOINT);
    w.u16(snapshot.localPort());
    writeAddresses(w, snapshot.localAddresses());
    w.count(snapshot.cookieSecrets().size());
    for (EndpointSnapshot.CookieSecret s : snapshot.cookieSecrets()) {
      w.i32(s.generation());
      w.bytes(s.key());
    }
    w.i32(snapshot.currentGeneration());
    w.i64(snapshot.secretAgeNanos());
    return finish(w);
  }

  /**
   * Reads an endpoint snapshot.
   *
   * @throws SnapshotFormatException when the blob is not a readable endpoint snapshot
   */
  public static EndpointSnapshot decodeEndpoint(byte[] blob) {
    BlobReader r = open(blob, KIND_ENDPOINT);
    try {
      int port = r.u16("local port");
      List<InetAddress> addresses = readAddresses(r, "local addresses");
      int n = r.count("cookie secrets", 8);
      List<EndpointSnapshot.CookieSecret> secrets = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        secrets.add(new EndpointSnapshot.CookieSecret(r.i32("generation"), r.bytes("key")));
      }
      EndpointSnapshot s = new EndpointSnapshot(port, addresses, secrets,
          r.i32("current generation"), r.i64("secret age"));
      close(r);
      return s;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw BlobReader.malformed("endpoint snapshot: " + e.getMessage());
    }
  }

  // ---- framing -------------------------------------------------------------------------------

  private static BlobWriter begin(int kind) {
    BlobWriter w = new BlobWriter();
    w.i32(MAGIC);
    w.u16(VERSION);
    w.u8(kind);
    w.u8(0);
    w.i32(0);
    return w;
  }

  private static byte[] finish(BlobWriter w) {
    w.patchI32(8, w.size() - HEADER_LENGTH);
    CRC32C crc = new CRC32C();
    crc.update(w.array(), 0, w.size());
    w.i32((int) crc.getValue());
    return w.toByteArray();
  }

  private static BlobReader open(byte[] blob, int kind) {
    if (blob.length < HEADER_LENGTH + TRAILER_LENGTH) {
      throw new SnapshotFormatException(SnapshotFormatException.Reason.TRUNCATED,
          blob.length + " bytes, fewer than the " + (HEADER_LENGTH + TRAILER_LENGTH)
              + " of an empty blob");
    }
    BlobReader header = new BlobReader(blob, 0, HEADER_LENGTH);
    int magic = header.i32("magic");
    if (magic != MAGIC) {
      throw new SnapshotFormatException(SnapshotFormatException.Reason.BAD_MAGIC,
          String.format("starts with 0x%08x, not 0x%08x (\"JSHA\")", magic, MAGIC));
    }
    int version = header.u16("version");
    if (version != VERSION) {
      throw new SnapshotFormatException(SnapshotFormatException.Reason.UNSUPPORTED_VERSION,
          "format version " + version + "; this build reads version " + VERSION + " only");
    }
    int actualKind = header.u8("kind");
    header.u8("flags");
    long length = header.i32("length") & 0xFFFF_FFFFL;
    if (HEADER_LENGTH + length + TRAILER_LENGTH != blob.length) {
      throw new SnapshotFormatException(SnapshotFormatException.Reason.TRUNCATED,
          "content length " + length + " needs " + (HEADER_LENGTH + length + TRAILER_LENGTH)
              + " bytes, the blob has " + blob.length);
    }
    CRC32C crc = new CRC32C();
    crc.update(blob, 0, blob.length - TRAILER_LENGTH);
    int expected = new BlobReader(blob, blob.length - TRAILER_LENGTH, blob.length).i32("crc");
    if ((int) crc.getValue() != expected) {
      throw new SnapshotFormatException(SnapshotFormatException.Reason.BAD_CHECKSUM,
          String.format("CRC32C 0x%08x computed, 0x%08x stored", (int) crc.getValue(), expected));
    }
    if (actualKind != kind) {
      throw new SnapshotFormatException(SnapshotFormatException.Reason.WRONG_KIND,
          "holds a " + kindName(actualKind) + ", not a " + kindName(kind));
    }
    return new BlobReader(blob, HEADER_LENGTH, blob.length - TRAILER_LENGTH);
  }

  private static String kindName(int kind) {
    return switch (kind) {
      case KIND_SNAPSHOT -> "association snapshot";
      case KIND_RECORD -> "replication record";
      case KIND_ENDPOINT -> "endpoint snapshot";
      default -> "blob of kind " + kind;
    };
  }

  private static void close(BlobReader r) {
    if (r.remaining() != 0) {
      throw BlobReader.malformed(r.remaining() + " bytes left after the content");
    }
  }

  // ---- the snapshot ------------------------------------------------------------------------

  static void writeSnapshot(BlobWriter w, AssociationSnapshot s) {
    writeHeader(w, s.header());
    writeSender(w, s.sender());
    writeReceiver(w, s.receiver());
  }

  static AssociationSnapshot readSnapshot(BlobReader r) {
    try {
      return new AssociationSnapshot(readHeader(r), readSender(r), readReceiver(r));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw BlobReader.malformed("snapshot: " + e.getMessage());
    }
  }

  static void writeHeader(BlobWriter w, AssociationHeader h) {
    w.i32(h.associationId());
    w.u16(h.localPort());
    w.u16(h.peerPort());
    w.i32(h.localTag());
    w.i32(h.peerTag());
    w.i32(h.localInitialTsn());
    w.i32(h.peerInitialTsn());
    w.u8(h.state().ordinal());
    Extensions x = h.extensions();
    w.u8((x.partialReliability() ? 1 : 0) | (x.streamReconfiguration() ? 2 : 0)
        | (x.interleaving() ? 4 : 0));
    w.u16(h.outboundStreams());
    w.u16(h.inboundStreams());
    w.i32(h.errorCount());
    w.count(h.settings().size());
    for (Map.Entry<String, Long> e : h.settings().entrySet()) {
      w.string(e.getKey());
      w.i64(e.getValue());
    }
    writeAddresses(w, h.localAddresses());
    w.count(h.paths().size());
    for (PathSnapshot p : h.paths()) {
      w.address(p.address());
      w.u16(p.udpPort());
      w.u8(p.state().ordinal());
      w.i32(p.errorCount());
      w.i32(p.mtu());
      w.i64(p.srtt());
      w.i64(p.rttvar());
      w.i64(p.rto());
      w.bool(p.measured());
      w.i32(p.pathMaxRetrans());
      w.i32(p.pfRetrans());
      w.i64(p.heartbeatIntervalMs());
      w.bool(p.heartbeatEnabled());
    }
    w.i32(h.primaryPath());
    w.bool(h.reconfig() != null);
    if (h.reconfig() != null) {
      writeReconfig(w, h.reconfig());
    }
  }

  static AssociationHeader readHeader(BlobReader r) {
    int id = r.i32("association id");
    int localPort = r.u16("local port");
    int peerPort = r.u16("peer port");
    int localTag = r.i32("local tag");
    int peerTag = r.i32("peer tag");
    int localTsn = r.i32("local initial TSN");
    int peerTsn = r.i32("peer initial TSN");
    AssociationState state = r.enumValue(AssociationState.values(), "state");
    int bits = r.u8("extensions");
    Extensions extensions = new Extensions((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0);
    int out = r.u16("outbound streams");
    int in = r.u16("inbound streams");
    int errors = r.i32("error count");
    int settingCount = r.count("settings", 10);
    Map<String, Long> settings = new LinkedHashMap<>();
    for (int i = 0; i < settingCount; i++) {
      settings.put(r.string("setting name"), r.i64("setting value"));
    }
    List<InetAddress> locals = readAddresses(r, "local addresses");
    int pathCount = r.count("paths", 50);
    List<PathSnapshot> paths = new ArrayList<>(pathCount);
    for (int i = 0; i < pathCount; i++) {
      paths.add(new PathSnapshot(r.requiredAddress("path address"), r.u16("path UDP port"),
          r.enumValue(PathState.values(), "path state"), r.i32("path errors"), r.i32("path MTU"),
          r.i64("srtt"), r.i64("rttvar"), r.i64("rto"), r.bool("measured"),
          r.i32("path max retrans"), r.i32("pf retrans"), r.i64("heartbeat interval"),
          r.bool("heartbeat enabled")));
    }
    int primary = r.i32("primary path");
    ReconfigSnapshot reconfig = r.bool("reconfig present") ? readReconfig(r) : null;
    return new AssociationHeader(id, localPort, peerPort, localTag, peerTag, localTsn, peerTsn,
        state, extensions, out, in, errors, settings, locals, paths, primary, reconfig);
  }

  private static void writeReconfig(BlobWriter w, ReconfigSnapshot c) {
    w.i32(c.nextSequence());
    w.i32(c.expectedPeerSequence());
    w.i32(c.awaitedOutgoingReset());
    w.bool(c.awaitingOutgoingReset());
    w.bool(c.awaitedAddOutgoing());
    w.bool(c.request() != null);
    if (c.request() != null) {
      ReconfigSnapshot.Request q = c.request();
      w.count(q.parts().size());
      for (ReconfigSnapshot.Part p : q.parts()) {
        w.u8(p.kind());
        writeInts(w, p.streams());
        w.i32(p.count());
        w.i32(p.sequence());
        w.bool(p.answered());
      }
      w.i32(q.answers());
      w.bool(q.answering());
      w.i32(q.lastAssignedTsn());
      w.i32(q.responseSequence());
      w.bool(q.sent());
      w.bool(q.retry());
    }
    w.count(c.answered().size());
    for (ReconfigSnapshot.Answer a : c.answered()) {
      w.i32(a.sequence());
      w.bytes(a.chunk());
    }
  }

  private static ReconfigSnapshot readReconfig(BlobReader r) {
    int next = r.i32("reconfig next sequence");
    int expected = r.i32("reconfig expected sequence");
    int awaited = r.i32("awaited outgoing reset");
    boolean awaiting = r.bool("awaiting outgoing reset");
    boolean addOutgoing = r.bool("awaited add outgoing");
    ReconfigSnapshot.Request request = null;
    if (r.bool("request present")) {
      int n = r.count("request parts", 14);
      List<ReconfigSnapshot.Part> parts = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int kind = r.u8("part kind");
        if (kind > 4) {
          throw BlobReader.malformed("request part kind " + kind);
        }
        parts.add(new ReconfigSnapshot.Part(kind, readInts(r, "part streams"), r.i32("part count"),
            r.i32("part sequence"), r.bool("part answered")));
      }
      request = new ReconfigSnapshot.Request(parts, r.i32("answers"), r.bool("answering"),
          r.i32("last assigned TSN"), r.i32("response sequence"), r.bool("sent"), r.bool("retry"));
    }
    int n = r.count("answers", 8);
    List<ReconfigSnapshot.Answer> answered = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      answered.add(new ReconfigSnapshot.Answer(r.i32("answer sequence"), r.bytes("answer chunk")));
    }
    return new ReconfigSnapshot(next, expected, awaited, awaiting, addOutgoing, request, answered);
  }

  static void writeSender(BlobWriter w, SenderSnapshot s) {
    w.i32(s.nextTsn());
    w.i32(s.cumulativeTsnAck());
    w.i64(s.peerRwnd());
    w.count(s.streams().size());
    for (SenderSnapshot.Stream st : s.streams()) {
      writeStream(w, st);
    }
    w.count(s.messages().size());
    for (SenderSnapshot.Message m : s.messages()) {
      writeMessage(w, m);
    }
    w.count(s.outstanding().size());
    for (SenderSnapshot.Chunk c : s.outstanding()) {
      writeChunk(w, c);
    }
  }

  static SenderSnapshot readSender(BlobReader r) {
    int next = r.i32("next TSN");
    int cum = r.i32("cumulative TSN ack");
    long rwnd = r.i64("peer rwnd");
    int n = r.count("outbound streams", 26);
    List<SenderSnapshot.Stream> streams = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      streams.add(readStream(r));
    }
    n = r.count("messages", 40);
    List<SenderSnapshot.Message> messages = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      messages.add(readMessage(r));
    }
    n = r.count("outstanding chunks", 34);
    List<SenderSnapshot.Chunk> chunks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      chunks.add(readChunk(r));
    }
    return new SenderSnapshot(next, cum, rwnd, streams, messages, chunks);
  }

  static void writeStream(BlobWriter w, SenderSnapshot.Stream st) {
    w.i32(st.nextOrdered());
    w.i32(st.nextUnordered());
    w.bool(st.paused());
    w.i32(st.schedulerValue());
    w.i64(st.abandonedSent());
    w.i64(st.abandonedUnsent());
  }

  static SenderSnapshot.Stream readStream(BlobReader r) {
    return new SenderSnapshot.Stream(r.i32("next ordered"), r.i32("next unordered"),
        r.bool("paused"), r.i32("scheduler value"), r.i64("abandoned sent"),
        r.i64("abandoned unsent"));
  }

  static void writeMessage(BlobWriter w, SenderSnapshot.Message m) {
    w.i64(m.id());
    w.u16(m.streamId());
    w.i32(m.payloadProtocolId());
    w.bool(m.unordered());
    w.bool(m.sackImmediately());
    w.i64(m.context());
    w.i64(m.lifetimeNanos());
    w.u8(m.prPolicy().ordinal());
    w.i32(m.prValue());
    w.bytes(m.payload());
    w.i32(m.offset());
    w.i32(m.fragments());
    w.bool(m.numbered());
    w.i32(m.messageId());
    w.bool(m.abandoned());
  }

  static SenderSnapshot.Message readMessage(BlobReader r) {
    return new SenderSnapshot.Message(r.i64("message id"), r.u16("stream"), r.i32("ppid"),
        r.bool("unordered"), r.bool("sack immediately"), r.i64("context"), r.i64("lifetime"),
        r.enumValue(PrPolicy.values(), "PR policy"), r.i32("PR value"), r.bytes("payload"),
        r.i32("offset"), r.i32("fragments"), r.bool("numbered"), r.i32("stream message id"),
        r.bool("abandoned"));
  }

  static void writeChunk(BlobWriter w, SenderSnapshot.Chunk c) {
    w.i32(c.tsn());
    w.i64(c.messageId());
    w.i32(c.offset());
    w.i32(c.length());
    w.u8(c.flags());
    w.i32(c.streamMessageId());
    w.i32(c.ppidOrFsn());
    w.i32(c.transmissions());
    w.bool(c.abandoned());
    w.bool(c.gapAcked());
  }

  static SenderSnapshot.Chunk readChunk(BlobReader r) {
    return new SenderSnapshot.Chunk(r.i32("chunk TSN"), r.i64("chunk message"),
        r.i32("chunk offset"), r.i32("chunk length"), r.u8("chunk flags"),
        r.i32("chunk stream message id"), r.i32("chunk ppid or fsn"), r.i32("transmissions"),
        r.bool("chunk abandoned"), r.bool("gap acked"));
  }

  static void writeReceiver(BlobWriter w, ReceiverSnapshot s) {
    w.i32(s.cumulativeTsn());
    w.count(s.received().size());
    for (ReceiverSnapshot.TsnRange range : s.received()) {
      w.i32(range.first());
      w.i32(range.last());
    }
    writeInts(w, s.nextSsn());
    writeInboundChunks(w, s.fragments());
    w.count(s.partials().size());
    for (ReceiverSnapshot.PartialDelivery p : s.partials()) {
      w.u16(p.streamId());
      w.i32(p.messageId());
      w.bool(p.unordered());
      w.i32(p.payloadProtocolId());
      w.i32(p.firstTsn());
      w.i32(p.next());
    }
    writeHeldMessages(w, s.waiting());
    writeHeldMessages(w, s.deferred());
    w.bool(s.deferredReset() != null);
    if (s.deferredReset() != null) {
      w.i32(s.deferredReset().lastAssignedTsn());
      writeInts(w, s.deferredReset().streams());
      writeInboundChunks(w, s.deferredReset().held());
    }
    w.count(s.redelivery().size());
    for (ReceiverSnapshot.Redelivery d : s.redelivery()) {
      w.i32(d.firstTsn());
      w.bool(d.aborted());
      w.u16(d.streamId());
      w.i32(d.messageId());
      w.i32(d.payloadProtocolId());
      w.bool(d.unordered());
      w.address(d.source());
      w.bool(d.complete());
      w.bytes(d.data());
    }
  }

  static ReceiverSnapshot readReceiver(BlobReader r) {
    int cum = r.i32("cumulative TSN");
    int n = r.count("received ranges", 8);
    List<ReceiverSnapshot.TsnRange> ranges = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ranges.add(new ReceiverSnapshot.TsnRange(r.i32("range first"), r.i32("range last")));
    }
    List<Integer> nextSsn = readInts(r, "next SSNs");
    List<ReceiverSnapshot.InboundChunk> fragments = readInboundChunks(r, "fragments");
    n = r.count("partial deliveries", 22);
    List<ReceiverSnapshot.PartialDelivery> partials = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      partials.add(new ReceiverSnapshot.PartialDelivery(r.u16("partial stream"),
          r.i32("partial message id"), r.bool("partial unordered"), r.i32("partial ppid"),
          r.i32("partial first TSN"), r.i32("partial next")));
    }
    List<ReceiverSnapshot.HeldMessage> waiting = readHeldMessages(r, "waiting messages");
    List<ReceiverSnapshot.HeldMessage> deferred = readHeldMessages(r, "deferred messages");
    ReceiverSnapshot.DeferredReset reset = null;
    if (r.bool("deferred reset present")) {
      reset = new ReceiverSnapshot.DeferredReset(r.i32("deferred reset TSN"),
          readInts(r, "deferred reset streams"), readInboundChunks(r, "deferred reset chunks"));
    }
    n = r.count("redeliveries", 23);
    List<ReceiverSnapshot.Redelivery> redelivery = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      redelivery.add(new ReceiverSnapshot.Redelivery(r.i32("redelivery first TSN"),
          r.bool("redelivery aborted"), r.u16("redelivery stream"),
          r.i32("redelivery message id"), r.i32("redelivery ppid"),
          r.bool("redelivery unordered"), r.address("redelivery source"),
          r.bool("redelivery complete"), r.bytes("redelivery data")));
    }
    return new ReceiverSnapshot(cum, ranges, nextSsn, fragments, partials, waiting, deferred,
        reset, redelivery);
  }

  static void writeInboundChunk(BlobWriter w, ReceiverSnapshot.InboundChunk c) {
    w.i32(c.tsn());
    w.u8(c.flags());
    w.u16(c.streamId());
    w.i32(c.messageId());
    w.i32(c.ppidOrFsn());
    w.address(c.source());
    w.bytes(c.data());
  }

  static ReceiverSnapshot.InboundChunk readInboundChunk(BlobReader r) {
    return new ReceiverSnapshot.InboundChunk(r.i32("chunk TSN"), r.u8("chunk flags"),
        r.u16("chunk stream"), r.i32("chunk message id"), r.i32("chunk ppid or fsn"),
        r.address("chunk source"), r.bytes("chunk data"));
  }

  private static void writeInboundChunks(BlobWriter w, List<ReceiverSnapshot.InboundChunk> list) {
    w.count(list.size());
    for (ReceiverSnapshot.InboundChunk c : list) {
      writeInboundChunk(w, c);
    }
  }

  private static List<ReceiverSnapshot.InboundChunk> readInboundChunks(BlobReader r, String what) {
    int n = r.count(what, 20);
    List<ReceiverSnapshot.InboundChunk> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(readInboundChunk(r));
    }
    return list;
  }

  private static void writeHeldMessages(BlobWriter w, List<ReceiverSnapshot.HeldMessage> list) {
    w.count(list.size());
    for (ReceiverSnapshot.HeldMessage m : list) {
      w.u16(m.streamId());
      w.i32(m.messageId());
      w.i32(m.payloadProtocolId());
      w.bool(m.unordered());
      w.i32(m.firstTsn());
      w.i32(m.tsnFrom());
      w.i32(m.tsnTo());
      writeInts(w, m.scatteredTsns());
      w.address(m.source());
      w.bytes(m.data());
    }
  }

  private static List<ReceiverSnapshot.HeldMessage> readHeldMessages(BlobReader r, String what) {
    int n = r.count(what, 32);
    List<ReceiverSnapshot.HeldMessage> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(new ReceiverSnapshot.HeldMessage(r.u16("held stream"), r.i32("held message id"),
          r.i32("held ppid"), r.bool("held unordered"), r.i32("held first TSN"),
          r.i32("held TSN from"), r.i32("held TSN to"), readInts(r, "held TSNs"),
          r.address("held source"), r.bytes("held data")));
    }
    return list;
  }

  static void writeInts(BlobWriter w, List<Integer> values) {
    w.count(values.size());
    for (int v : values) {
      w.i32(v);
    }
  }

  static List<Integer> readInts(BlobReader r, String what) {
    int n = r.count(what, 4);
    List<Integer> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(r.i32(what));
    }
    return list;
  }

  private static void writeAddresses(BlobWriter w, List<InetAddress> addresses) {
    w.count(addresses.size());
    for (InetAddress a : addresses) {
      w.address(a);
    }
  }

  private static List<InetAddress> readAddresses(BlobReader r, String what) {
    int n = r.count(what, 5);
    List<InetAddress> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(r.requiredAddress(what));
    }
    return list;
  }
}
