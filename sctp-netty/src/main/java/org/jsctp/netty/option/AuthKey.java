package org.jsctp.netty.option;

import java.util.Arrays;

/**
 * SCTP_AUTH_KEY (RFC 6458 section 8.1.20, struct sctp_authkey): an endpoint pair shared key of
 * AUTH (RFC 4895) and its number. The key is secret: {@link #toString()} leaves it out, and the
 * stack never logs it.
 *
 * @param keyNumber the Shared Key Identifier (sca_keynumber), 0..65535
 * @param key the key bytes (sca_key), at most 65535; copied
 */
public record AuthKey(int keyNumber, byte[] key) {

  /** Checks the number and the length, and copies the key. */
  public AuthKey {
    if (keyNumber < 0 || keyNumber > 0xFFFF) {
      throw new IllegalArgumentException(
          "SCTP_AUTH_KEY sca_keynumber = " + keyNumber + " is out of range 0..65535");
    }
    if (key == null || key.length > 0xFFFF) {
      throw new IllegalArgumentException("SCTP_AUTH_KEY needs a key of at most 65535 bytes");
    }
    key = key.clone();
  }

  /** A copy of the key. */
  @Override
  public byte[] key() {
    return key.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuthKey k && k.keyNumber == keyNumber && Arrays.equals(k.key, key);
  }

  @Override
  public int hashCode() {
    return 31 * keyNumber + Arrays.hashCode(key);
  }

  /** The key number and length; never the key. */
  @Override
  public String toString() {
    return "AuthKey[keyNumber=" + keyNumber + ", " + key.length + " bytes]";
  }
}
