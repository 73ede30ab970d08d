package org.jsctp.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SerialNumbersTest {

  @Test
  void tsnComparisonWrapsAroundTheTopOfTheSpace() {
    assertThat(SerialNumbers.lt32(0xFFFF_FFFF, 0)).isTrue();
    assertThat(SerialNumbers.gt32(0, 0xFFFF_FFFF)).isTrue();
    assertThat(SerialNumbers.lt32(0x7FFF_FFFF, 0x8000_0000)).isTrue();
    assertThat(SerialNumbers.lt32(5, 5)).isFalse();
    assertThat(SerialNumbers.le32(5, 5)).isTrue();
    assertThat(SerialNumbers.ge32(10, 3)).isTrue();
    assertThat(SerialNumbers.distance32(0xFFFF_FFFE, 1)).isEqualTo(3);
  }

  @Test
  void ssnWrapsFrom65535ToZero() {
    assertThat(SerialNumbers.next16(65535)).isZero();
    assertThat(SerialNumbers.lt16(65535, 0)).isTrue();
    assertThat(SerialNumbers.lt16(0, 65535)).isFalse();
    assertThat(SerialNumbers.lt16(100, 200)).isTrue();
    assertThat(SerialNumbers.le16(7, 7)).isTrue();
    assertThat(SerialNumbers.lt16(7, 7)).isFalse();
  }

  @Test
  void unwrapperMakesWrappingTsnsMonotonic() {
    SequenceUnwrapper u = new SequenceUnwrapper(0xFFFF_FFF0);
    long first = u.unwrap(0xFFFF_FFF0);
    long afterWrap = u.unwrap(0x0000_0010);
    assertThat(afterWrap - first).isEqualTo(0x20);
    assertThat(u.peek(0xFFFF_FFF8)).isLessThan(afterWrap);
    assertThat(SequenceUnwrapper.wrap(afterWrap)).isEqualTo(0x10);
  }
}
