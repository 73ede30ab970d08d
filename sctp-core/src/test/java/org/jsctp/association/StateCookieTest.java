package org.jsctp.association;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.jsctp.TestAddresses;
import org.jsctp.wire.Bytes;
import org.junit.jupiter.api.Test;

/** The state cookie (RFC 9260 section 5.1.3): signed, tamper-evident, rotating secrets, lifetime. */
class StateCookieTest {

  static final long MS = 1_000_000L;
  static final long HOUR = 3_600_000 * MS;

  static StateCookie cookie(long createdAt) {
    return new StateCookie(createdAt, 60_000 * MS, 0x11111111, 0x22222222, 100, 200, 65_536, 10, 12,
        0, 0, 5000, List.of(TestAddresses.v4("10.0.0.2"), TestAddresses.v4("10.0.1.2")),
        TestAddresses.v4("10.0.0.2"), TestAddresses.v4("10.0.0.1"), new Extensions(true, false, false),
        null, null);
  }

  @Test
  void aSignedCookieVerifiesToTheSameValue() {
    CookieSecrets secrets = new CookieSecrets(new SplittableRandom(1), HOUR);
    StateCookie c = cookie(5);
    assertThat(StateCookie.verify(c.sign(secrets, 5), secrets)).isEqualTo(c);
  }

  @Test
  void anyChangedByteMakesTheCookieInvalid() {
    CookieSecrets secrets = new CookieSecrets(new SplittableRandom(1), HOUR);
    byte[] raw = cookie(5).sign(secrets, 5).toByteArray();
    for (int i = 0; i < raw.length; i++) {
      byte[] tampered = raw.clone();
      tampered[i] ^= 0x01;
      assertThat(StateCookie.verify(Bytes.wrap(tampered), secrets)).as("byte %d", i).isNull();
    }
  }

  @Test
  void aCookieOfAnotherEndpointDoesNotVerify() {
    CookieSecrets ours = new CookieSecrets(new SplittableRandom(1), HOUR);
    CookieSecrets theirs = new CookieSecrets(new SplittableRandom(2), HOUR);
    assertThat(StateCookie.verify(cookie(5).sign(theirs, 5), ours)).isNull();
  }

  @Test
  void aCookieSignedBeforeOneRotationStillVerifiesButNotAfterTwo() {
    CookieSecrets secrets = new CookieSecrets(new SplittableRandom(1), HOUR);
    Bytes old = cookie(0).sign(secrets, 0);
    secrets.currentGeneration(HOUR + 1);
    assertThat(StateCookie.verify(old, secrets)).isNotNull();
    secrets.currentGeneration(2 * HOUR + 2);
    assertThat(StateCookie.verify(old, secrets)).isNull();
  }

  @Test
  void stalenessIsMeasuredInMicrosecondsPastTheLifetime() {
    StateCookie c = cookie(0);
    assertThat(c.isStale(60_000 * MS)).isFalse();
    assertThat(c.isStale(60_000 * MS + 1)).isTrue();
    assertThat(c.stalenessMicros(60_001 * MS)).isEqualTo(1000);
  }

  @Test
  void garbageOfAnyLengthIsRejectedWithoutAnException() {
    CookieSecrets secrets = new CookieSecrets(new SplittableRandom(1), HOUR);
    SplittableRandom r = new SplittableRandom(3);
    for (int len = 0; len < 300; len++) {
      byte[] junk = new byte[len];
      r.nextBytes(junk);
      assertThat(StateCookie.verify(Bytes.wrap(junk), secrets)).isNull();
    }
  }
}
