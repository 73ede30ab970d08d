package org.jsctp.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {

  @Test
  void aSnapshotWithEveryFieldSetReadsBackEqual() {
    AssociationSnapshot snapshot = Snapshots.snapshot();

    AssociationSnapshot back = SnapshotCodec.decodeSnapshot(SnapshotCodec.encode(snapshot));

    assertThat(back).isEqualTo(snapshot);
    assertThat(back.header().reconfig()).isEqualTo(snapshot.header().reconfig());
    assertThat(back.sender().outstanding()).isEqualTo(snapshot.sender().outstanding());
    assertThat(back.receiver().redelivery()).isEqualTo(snapshot.receiver().redelivery());
  }

  @Test
  void aSnapshotWithoutReconfigurationAndWithoutDeferredResetReadsBackEqual() {
    AssociationSnapshot full = Snapshots.snapshot();
    AssociationHeader h = full.header();
    AssociationHeader plain = new AssociationHeader(h.associationId(), h.localPort(), h.peerPort(),
        h.localTag(), h.peerTag(), h.localInitialTsn(), h.peerInitialTsn(), h.state(),
        h.extensions(), h.outboundStreams(), h.inboundStreams(), h.errorCount(), h.settings(),
        h.localAddresses(), h.paths(), -1, null);
    ReceiverSnapshot r = full.receiver();
    ReceiverSnapshot noReset = new ReceiverSnapshot(r.cumulativeTsn(), r.received(), r.nextSsn(),
        r.fragments(), r.partials(), r.waiting(), r.deferred(), null, r.redelivery());
    AssociationSnapshot snapshot = new AssociationSnapshot(plain, full.sender(), noReset);

    assertThat(SnapshotCodec.decodeSnapshot(SnapshotCodec.encode(snapshot))).isEqualTo(snapshot);
  }

  @Test
  void aRecordWithEveryKindOfDeltaReadsBackEqual() {
    ReplicationRecord record = Snapshots.deltaRecord();

    ReplicationRecord back = SnapshotCodec.decodeRecord(SnapshotCodec.encode(record));

    assertThat(back).isEqualTo(record);
    assertThat(back.deltas()).hasSize(15);
  }

  @Test
  void aSnapshotRecordReadsBackEqual() {
    ReplicationRecord record = new ReplicationRecord(42, 1, ReplicationRecord.CAUSE_UPDATE,
        Snapshots.snapshot(), List.of());

    assertThat(SnapshotCodec.decodeRecord(SnapshotCodec.encode(record))).isEqualTo(record);
  }

  @Test
  void anEndpointSnapshotReadsBackEqual() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 7);
    EndpointSnapshot snapshot = new EndpointSnapshot(5000,
        List.of(Snapshots.address("10.0.0.1")),
        List.of(new EndpointSnapshot.CookieSecret(3, org.jsctp.wire.Bytes.wrap(key)),
            new EndpointSnapshot.CookieSecret(4, org.jsctp.wire.Bytes.wrap(new byte[32]))), 4,
        123_456_789L);

    assertThat(SnapshotCodec.decodeEndpoint(SnapshotCodec.encode(snapshot))).isEqualTo(snapshot);
  }

  @Test
  void theBlobStartsWithMagicVersionKindAndLengthAndEndsWithItsCrc32c() {
    byte[] blob = SnapshotCodec.encode(Snapshots.snapshot());

    assertThat(Arrays.copyOf(blob, 4)).isEqualTo("JSHA".getBytes());
    assertThat(blob[4] << 8 | blob[5]).isEqualTo(SnapshotCodec.VERSION);
    assertThat(blob[6]).isEqualTo((byte) 1);
    int length = (blob[8] & 0xFF) << 24 | (blob[9] & 0xFF) << 16 | (blob[10] & 0xFF) << 8
        | (blob[11] & 0xFF);
    assertThat(length).isEqualTo(blob.length - 16);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(blob, 0, blob.length - 4);
    int stored = (blob[blob.length - 4] & 0xFF) << 24 | (blob[blob.length - 3] & 0xFF) << 16
        | (blob[blob.length - 2] & 0xFF) << 8 | (blob[blob.length - 1] & 0xFF);
    assertThat(stored).isEqualTo((int) crc.getValue());
  }

  @Test
  void everyFlippedBitOfASnapshotIsRefused() {
    byte[] blob = SnapshotCodec.encode(Snapshots.snapshot());
    for (int i = 0; i < blob.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] corrupt = blob.clone();
        corrupt[i] ^= (byte) (1 << bit);
        assertThatThrownBy(() -> SnapshotCodec.decodeSnapshot(corrupt))
            .as("bit %d of byte %d", bit, i)
            .isInstanceOf(SnapshotFormatException.class);
      }
    }
  }

  @Test
  void aCorruptedContentByteIsRefusedForItsChecksum() {
    byte[] blob = SnapshotCodec.encode(Snapshots.snapshot());
    blob[SnapshotCodec.HEADER_LENGTH + 20] ^= 0x40;

    assertThatThrownBy(() -> SnapshotCodec.decodeSnapshot(blob))
        .isInstanceOfSatisfying(SnapshotFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(SnapshotFormatException.Reason.BAD_CHECKSUM))
        .hasMessageContaining("CRC32C");
  }

  @Test
  void anUnknownVersionIsRefusedBeforeItsContentIsRead() {
    byte[] blob = SnapshotCodec.encode(Snapshots.snapshot());
    blob[5] = 2;

    assertThatThrownBy(() -> SnapshotCodec.decodeSnapshot(blob))
        .isInstanceOfSatisfying(SnapshotFormatException.class, e -> assertThat(e.reason())
            .isEqualTo(SnapshotFormatException.Reason.UNSUPPORTED_VERSION))
        .hasMessageContaining("version 2");
  }

  @Test
  void aBlobWithoutTheMagicIsRefused() {
    byte[] blob = SnapshotCodec.encode(Snapshots.snapshot());
    blob[0] = 'X';

    assertThatThrownBy(() -> SnapshotCodec.decodeSnapshot(blob))
        .isInstanceOfSatisfying(SnapshotFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(SnapshotFormatException.Reason.BAD_MAGIC));
  }

  @Test
  void everyTruncationOfASnapshotIsRefused() {
    byte[] blob = SnapshotCodec.encode(Snapshots.snapshot());
    for (int length = 0; length < blob.length; length++) {
      byte[] cut = Arrays.copyOf(blob, length);
      assertThatThrownBy(() -> SnapshotCodec.decodeSnapshot(cut))
          .as("cut to %d of %d bytes", length, blob.length)
          .isInstanceOfSatisfying(SnapshotFormatException.class,
              e -> assertThat(e.reason()).isEqualTo(SnapshotFormatException.Reason.TRUNCATED));
    }
  }

  @Test
  void aRecordIsNotTakenForASnapshot() {
    byte[] blob = SnapshotCodec.encode(Snapshots.deltaRecord());

    assertThatThrownBy(() -> SnapshotCodec.decodeSnapshot(blob))
        .isInstanceOfSatisfying(SnapshotFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(SnapshotFormatException.Reason.WRONG_KIND))
        .hasMessageContaining("replication record");
  }

  @Test
  void aWellSealedBlobWithAnImpossibleFieldIsRefusedAsMalformed() {
    byte[] blob = SnapshotCodec.encode(Snapshots.snapshot());
    // The state byte follows id (4), ports (4), tags (8) and Initial TSNs (8).
    blob[SnapshotCodec.HEADER_LENGTH + 24] = 99;
    reseal(blob);

    assertThatThrownBy(() -> SnapshotCodec.decodeSnapshot(blob))
        .isInstanceOfSatisfying(SnapshotFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(SnapshotFormatException.Reason.MALFORMED))
        .hasMessageContaining("state 99");
  }

  @Test
  void aWellSealedBlobThatClaimsAHugeListIsRefusedWithoutAllocatingIt() {
    ReplicationRecord record = new ReplicationRecord(1, 2, 0, null, List.of());
    byte[] blob = SnapshotCodec.encode(record);
    // The delta count is the last field before the CRC.
    int at = blob.length - 4 - 4;
    blob[at] = 0x7F;
    reseal(blob);

    assertThatThrownBy(() -> SnapshotCodec.decodeRecord(blob))
        .isInstanceOfSatisfying(SnapshotFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(SnapshotFormatException.Reason.MALFORMED))
        .hasMessageContaining("deltas count");
  }

  private static void reseal(byte[] blob) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(blob, 0, blob.length - 4);
    int v = (int) crc.getValue();
    blob[blob.length - 4] = (byte) (v >>> 24);
    blob[blob.length - 3] = (byte) (v >>> 16);
    blob[blob.length - 2] = (byte) (v >>> 8);
    blob[blob.length - 1] = (byte) v;
  }
}
