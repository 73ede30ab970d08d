package org.jsctp.interop;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One nftables table that a test adds to a namespace it created: loaded from a script with {@code
 * nft -f -}, its rule counters read back, deleted on {@link #close()}. Deleting the namespace
 * deletes the table too, so a test that dies half-way leaves nothing behind.
 */
final class NftTable implements AutoCloseable {

  private static final Pattern COUNTER = Pattern.compile("counter packets (\\d+) bytes (\\d+)");

  private final NetNs ns;
  private final String family;
  private final String name;
  private boolean closed;

  private NftTable(NetNs ns, String family, String name) {
    this.ns = ns;
    this.family = family;
    this.name = name;
  }

  /**
   * Adds {@code table FAMILY NAME { BODY }} to {@code ns}; {@code body} holds the chains and rules.
   */
  static NftTable add(NetNs ns, String family, String name, String body) {
    String script = "table " + family + " " + name + " {\n" + body + "}\n";
    Cmd.run(ns.wrap("sh", "-c", "printf '%s' \"$0\" | nft -f -", script)).check();
    return new NftTable(ns, family, name);
  }

  /** The packets counted by every {@code counter} of the table so far (0 once it is deleted). */
  long packets() {
    Cmd.Result list = ns.exec("nft", "list", "table", family, name);
    long total = 0;
    if (list.ok()) {
      Matcher m = COUNTER.matcher(list.stdout());
      while (m.find()) {
        total += Long.parseLong(m.group(1));
      }
    }
    return total;
  }

  /** Deletes the table. Safe to call twice. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    ns.exec("nft", "delete", "table", family, name);
  }

  @Override
  public String toString() {
    return "nftables table " + family + " " + name + " in " + ns;
  }
}
