package org.jsctp.association;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of the state cookie MAC (RFC 9260 section 5.1.3): a random 256-bit secret that is
 * replaced after a configured lifetime, with the previous one kept so that cookies issued just
 * before a rotation stay valid. The secrets come from the endpoint's injected generator.
 */
public final class CookieSecrets {

  static final int MAC_LENGTH = 32;

  private final RandomGenerator random;
  private final long lifetimeNanos;
  private final Mac[] macs = new Mac[2];
  private final int[] generations = new int[2];
  private int current;
  private long rotatedAt;
  private boolean started;

  public CookieSecrets(RandomGenerator random, long lifetimeNanos) {
    this.random = random;
    this.lifetimeNanos = lifetimeNanos;
    generations[0] = -1;
    generations[1] = -1;
  }

  /** The generation of the secret to sign new cookies with, rotating first when it is old. */
  public int currentGeneration(long now) {
    if (!started) {
      started = true;
      rotatedAt = now;
      install(0, 1);
    } else if (now - rotatedAt >= lifetimeNanos) {
      rotatedAt = now;
      int next = 1 - current;
      install(next, generations[current] + 1);
      current = next;
    }
    return generations[current];
  }

  private void install(int slot, int generation) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      macs[slot] = mac;
      generations[slot] = generation;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  /** The MAC of {@code data[0..length)} with the secret of {@code generation}, or null if gone. */
  public byte[] mac(int generation, byte[] data, int length) {
    for (int slot = 0; slot < 2; slot++) {
      if (generations[slot] == generation && macs[slot] != null) {
        Mac mac = macs[slot];
        mac.update(data, 0, length);
        return mac.doFinal();
      }
    }
    return null;
  }

  /** Constant-time comparison of a received MAC with the expected one. */
  public static boolean matches(byte[] expected, byte[] received) {
    return expected != null && MessageDigest.isEqual(expected, received);
  }
}
