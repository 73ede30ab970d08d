package org.jsctp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BytesTest {

  @Test
  void parsesHexIgnoringWhitespaceAndPrintsLowercase() {
    Bytes bytes = Bytes.fromHex("DE ad\nbe\tEF");
    assertThat(bytes.length()).isEqualTo(4);
    assertThat(bytes.get(0)).isEqualTo(0xDE);
    assertThat(bytes.toHex()).isEqualTo("deadbeef");
    assertThatThrownBy(() -> Bytes.fromHex("abc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bytes.fromHex("zz")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalityIsByContentWhateverTheBackingArray() {
    Bytes a = Bytes.wrap(new byte[] {9, 1, 2, 3, 9}, 1, 3);
    Bytes b = Bytes.copyOf(new byte[] {1, 2, 3});
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(Bytes.fromHex("010204"));
    assertThat(Bytes.wrap(new byte[0])).isSameAs(Bytes.EMPTY);
  }

  @Test
  void wrapSharesTheArrayAndCopyOfDoesNot() {
    byte[] array = {1, 2, 3};
    Bytes wrapped = Bytes.wrap(array);
    Bytes copied = Bytes.copyOf(array);
    array[0] = 7;
    assertThat(wrapped.get(0)).isEqualTo(7);
    assertThat(copied.get(0)).isEqualTo(1);
  }

  @Test
  void slicesCopiesAndBuffersSeeTheSameBytes() {
    Bytes bytes = Bytes.fromHex("0001020304050607");
    Bytes slice = bytes.slice(2, 3);
    assertThat(slice.toHex()).isEqualTo("020304");
    byte[] dst = new byte[5];
    slice.copyTo(dst, 1);
    assertThat(dst).containsExactly(0, 2, 3, 4, 0);
    ByteBuffer out = ByteBuffer.allocate(4);
    slice.writeTo(out);
    assertThat(out.position()).isEqualTo(3);
    ByteBuffer view = slice.asReadOnlyByteBuffer();
    assertThat(view.isReadOnly()).isTrue();
    assertThat(view.remaining()).isEqualTo(3);
    assertThat(view.get(0)).isEqualTo((byte) 2);
    assertThat(slice.toByteArray()).containsExactly(2, 3, 4);
    assertThatThrownBy(() -> bytes.slice(6, 3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void copyOfAByteBufferLeavesItsPositionAlone() {
    ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2, 3, 4});
    buffer.position(1);
    assertThat(Bytes.copyOf(buffer).toHex()).isEqualTo("020304");
    assertThat(buffer.position()).isEqualTo(1);
  }

  @Test
  void toStringIsShortForLongValues() {
    assertThat(Bytes.wrap(new byte[1000]).toString()).hasSizeLessThan(60).contains("1000");
  }
}
