package org.jsctp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP address literals for the core's unit tests (no name lookup is ever made). */
public final class TestAddresses {

  private TestAddresses() {}

  /** The address written as a literal, such as {@code 10.0.0.1} or {@code fd00::1}. */
  public static InetAddress v4(String literal) {
    if (!literal.matches("[0-9.:a-fA-F]+")) {
      throw new IllegalArgumentException("not an address literal: " + literal);
    }
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  /** The same as {@link #v4} for an IPv6 literal. */
  public static InetAddress v6(String literal) {
    return v4(literal);
  }
}
