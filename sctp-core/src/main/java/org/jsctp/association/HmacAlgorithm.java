package org.jsctp.association;

import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;

/**
 * The HMAC algorithms of AUTH (RFC 4895 section 6.1): HMAC-SHA-1, which every implementation
 * supports, and HMAC-SHA-256, both from {@code javax.crypto}, which every Java platform provides.
 */
public enum HmacAlgorithm {
  /** HMAC Identifier 1, mandatory (RFC 4895 section 6.1). */
  SHA_1(1, "HmacSHA1", 20),
  /** HMAC Identifier 3 (RFC 4895 section 6.1). */
  SHA_256(3, "HmacSHA256", 32);

  private final int id;
  private final String javaName;
  private final int length;

  HmacAlgorithm(int id, String javaName, int length) {
    this.id = id;
    this.javaName = javaName;
    this.length = length;
  }

  /** The HMAC Identifier on the wire. */
  public int id() {
    return id;
  }

  /** The length of its HMAC in bytes. */
  public int length() {
    return length;
  }

  /** The algorithm of HMAC Identifier {@code id}, or null when this stack does not implement it. */
  public static HmacAlgorithm byId(int id) {
    for (HmacAlgorithm a : values()) {
      if (a.id == id) {
        return a;
      }
    }
    return null;
  }

  /** A new, uninitialised {@link Mac} of this algorithm. */
  Mac newMac() {
    try {
      return Mac.getInstance(javaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(javaName + " is required by every Java platform", e);
    }
  }
}
