package org.jsctp.testkit.sim;

import org.jsctp.wire.ChunkType;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkTypesTest {

  private static final byte[] HEADER = new byte[12];

  @Test
  void walksChunksInOrderSkippingPadding() {
    byte[] packet = concat(HEADER,
        new byte[] {0, 3, 0, 5, 'x', 0, 0, 0},
        new byte[] {3, 0, 0, 4},
        new byte[] {(byte) 192, 0, 0, 6, 1, 2, 0, 0});

    assertThat(ChunkTypes.of(packet)).containsExactly(ChunkType.DATA, ChunkType.SACK, ChunkType.FORWARD_TSN);
    assertThat(ChunkTypes.contains(packet, ChunkType.SACK)).isTrue();
    assertThat(ChunkTypes.contains(packet, ChunkType.INIT)).isFalse();
  }

  @Test
  void toleratesGarbage() {
    assertThat(ChunkTypes.of(new byte[0])).isEmpty();
    assertThat(ChunkTypes.of(new byte[11])).isEmpty();
    assertThat(ChunkTypes.of(concat(HEADER, new byte[] {1, 0, 0}))).isEmpty();
    assertThat(ChunkTypes.of(concat(HEADER, new byte[] {4, 0, 0, 3, 5, 0, 0, 4}))).isEmpty();
    assertThat(ChunkTypes.of(concat(HEADER, new byte[] {4, 0, 0, 4, 5, 0, 0, 0, 6, 0, 0, 4})))
        .containsExactly(ChunkType.HEARTBEAT);
    assertThat(ChunkTypes.of(concat(HEADER, new byte[] {1, 0, (byte) 0xFF, (byte) 0xFF, 0, 0})))
        .containsExactly(ChunkType.INIT);
  }

  @Test
  void namesKnownAndUnknownTypes() {
    assertThat(ChunkTypes.name(ChunkType.HEARTBEAT_ACK)).isEqualTo("HEARTBEAT_ACK");
    assertThat(ChunkTypes.name(250)).isEqualTo("TYPE_250");
    assertThat(ChunkTypes.names(List.of(0, 3))).isEqualTo("DATA,SACK");
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, offset, part.length);
      offset += part.length;
    }
    return all;
  }
}
