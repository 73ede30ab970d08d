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
  private final byte[][] keys = new byte[2][];
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
    install(slot, generation, key);
  }

  private void install(int slot, int generation, byte[] key) {
    keys[slot] = key;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      macs[slot] = mac;
      generations[slot] = generation;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  /** The secrets for a standby (docs/ha.md), rotating first when the current one is old. */
  public java.util.List<org.jsctp.ha.EndpointSnapshot.CookieSecret> export(long now) {
    currentGeneration(now);
    java.util.List<org.jsctp.ha.EndpointSnapshot.CookieSecret> list = new java.util.ArrayList<>(2);
    for (int slot = 0; slot < 2; slot++) {
      if (keys[slot] != null) {
        list.add(new org.jsctp.ha.EndpointSnapshot.CookieSecret(generations[slot],
            org.jsctp.wire.Bytes.copyOf(keys[slot])));
      }
    }
    return list;
  }

  /** How long the current secret has been in use at {@code now}. */
  public long age(long now) {
    return started ? Math.max(0, now - rotatedAt) : 0;
  }

  /**
   * Takes the active endpoint's secrets (a standby, docs/ha.md): {@code current} signs new
   * cookies and was installed at {@code rotatedAt}.
   */
  public void adopt(java.util.List<org.jsctp.ha.EndpointSnapshot.CookieSecret> secrets,
      int current, long rotatedAt) {
    if (secrets.isEmpty()) {
      return;
    }
    boolean currentFound = false;
    for (int slot = 0; slot < 2; slot++) {
      keys[slot] = null;
      macs[slot] = null;
      generations[slot] = -1;
    }
    for (int i = 0; i < secrets.size() && i < 2; i++) {
      org.jsctp.ha.EndpointSnapshot.CookieSecret s = secrets.get(i);
      install(i, s.generation(), s.key().toByteArray());
      if (s.generation() == current) {
        this.current = i;
        currentFound = true;
      }
    }
    if (!currentFound) {
      throw new IllegalArgumentException("the current cookie secret generation " + current
          + " is not among those given");
    }
    this.rotatedAt = rotatedAt;
    this.started = true;
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
