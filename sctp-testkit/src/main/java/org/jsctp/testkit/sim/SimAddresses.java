package org.jsctp.testkit.sim;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Literal IPv4 and IPv6 addresses for simulated hosts, built with {@link
 * InetAddress#getByAddress(byte[])} so that no name service is ever asked.
 */
public final class SimAddresses {

  private SimAddresses() {}

  /** An IPv4 address from dotted-quad text such as {@code 127.0.0.2}. */
  public static InetAddress v4(String dottedQuad) {
    String[] parts = dottedQuad.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not a dotted-quad IPv4 address: " + dottedQuad);
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      bytes[i] = (byte) parseInRange(parts[i], 10, 255, dottedQuad);
    }
    return byAddress(bytes);
  }

  /** An IPv6 address from text such as {@code fd00::1} or {@code 2001:db8:0:0:0:0:0:2}. */
  public static InetAddress v6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      throw new IllegalArgumentException("more than one '::' in IPv6 address: " + text);
    }
    int[] head = groups(gap >= 0 ? text.substring(0, gap) : text, text);
    int[] tail = gap >= 0 ? groups(text.substring(gap + 2), text) : new int[0];
    int total = head.length + tail.length;
    if (gap < 0 ? total != 8 : total > 7) {
      throw new IllegalArgumentException("wrong number of groups in IPv6 address: " + text);
    }
    byte[] bytes = new byte[16];
    for (int i = 0; i < head.length; i++) {
      putGroup(bytes, i, head[i]);
    }
    for (int i = 0; i < tail.length; i++) {
      putGroup(bytes, 8 - tail.length + i, tail[i]);
    }
    return byAddress(bytes);
  }

  private static int[] groups(String part, String whole) {
    if (part.isEmpty()) {
      return new int[0];
    }
    String[] texts = part.split(":", -1);
    int[] groups = new int[texts.length];
    for (int i = 0; i < texts.length; i++) {
      if (texts[i].isEmpty() || texts[i].length() > 4) {
        throw new IllegalArgumentException("bad group '" + texts[i] + "' in IPv6 address: " + whole);
      }
      groups[i] = parseInRange(texts[i], 16, 0xFFFF, whole);
    }
    return groups;
  }

  private static void putGroup(byte[] bytes, int index, int group) {
    bytes[2 * index] = (byte) (group >>> 8);
    bytes[2 * index + 1] = (byte) group;
  }

  private static int parseInRange(String digits, int radix, int max, String whole) {
    try {
      int value = Integer.parseInt(digits, radix);
      if (value < 0 || value > max || digits.startsWith("+") || digits.startsWith("-")) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad number '" + digits + "' in address: " + whole, e);
    }
  }

  private static InetAddress byAddress(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4- or 16-byte array is always a valid address", e);
    }
  }
}
