package org.jsctp.association;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The endpoint pair shared keys of AUTH (RFC 4895 section 6.1), by Shared Key Identifier, with the
 * one used for sending (SCTP_AUTH_ACTIVE_KEY, RFC 6458 section 8.1.23) and those no longer used
 * for sending (SCTP_AUTH_DEACTIVATE_KEY, section 8.3.4). Without any configured key, key 0 is the
 * empty key, as RFC 4895 section 6.1 says. The keys of new associations are a copy of the
 * endpoint's; an association's own copy changes only through its options.
 *
 * <p>Not thread-safe: owned by the options that hold it.
 */
public final class SharedKeys {

  private final TreeMap<Integer, byte[]> keys = new TreeMap<>();
  private final Set<Integer> deactivated = new HashSet<>();
  private int active;
  private int version;

  /** Key 0, empty, active: the default of RFC 4895 section 6.1. */
  public SharedKeys() {
    keys.put(0, new byte[0]);
  }

  /** An independent copy. */
  public SharedKeys copy() {
    SharedKeys c = new SharedKeys();
    c.keys.clear();
    keys.forEach((id, key) -> c.keys.put(id, key.clone()));
    c.deactivated.addAll(deactivated);
    c.active = active;
    return c;
  }

  private static int checkId(String option, int id) {
    if (id < 0 || id > 0xFFFF) {
      throw new IllegalArgumentException(option + " key number " + id + " is out of range 0..65535");
    }
    return id;
  }

  private void requireKey(String option, int id) {
    if (!keys.containsKey(checkId(option, id))) {
      throw new IllegalArgumentException(option + ": there is no key " + id);
    }
  }

  /**
   * SCTP_AUTH_KEY (RFC 6458 section 8.1.20): sets key {@code id}, replacing one of that number.
   *
   * @throws IllegalArgumentException for a number outside 0..65535 or a key over 65535 bytes
   */
  public void set(int id, byte[] key) {
    checkId("SCTP_AUTH_KEY", id);
    if (key.length > 0xFFFF) {
      throw new IllegalArgumentException("SCTP_AUTH_KEY: a key of " + key.length
          + " bytes is longer than the 65535 sca_keylength allows");
    }
    keys.put(id, key.clone());
    deactivated.remove(id);
    version++;
  }

  /**
   * SCTP_AUTH_ACTIVE_KEY (RFC 6458 section 8.1.23): chunks are sent authenticated with key {@code
   * id} from now on.
   *
   * @throws IllegalArgumentException for a key that does not exist or was deactivated
   */
  public void activate(int id) {
    requireKey("SCTP_AUTH_ACTIVE_KEY", id);
    if (deactivated.contains(id)) {
      throw new IllegalArgumentException("SCTP_AUTH_ACTIVE_KEY: key " + id + " was deactivated");
    }
    active = id;
    version++;
  }

  /**
   * SCTP_AUTH_DEACTIVATE_KEY (RFC 6458 section 8.3.4): key {@code id} is no longer used for
   * sending; received chunks authenticated with it are still taken until it is deleted.
   *
   * @throws IllegalArgumentException for a key that does not exist or is the active one
   */
  public void deactivate(int id) {
    requireKey("SCTP_AUTH_DEACTIVATE_KEY", id);
    if (id == active) {
      throw new IllegalArgumentException(
          "SCTP_AUTH_DEACTIVATE_KEY: key " + id + " is the active key; activate another first");
    }
    deactivated.add(id);
    version++;
  }

  /**
   * SCTP_AUTH_DELETE_KEY (RFC 6458 section 8.3.5): forgets key {@code id}; chunks authenticated
   * with it are discarded from now on.
   *
   * @throws IllegalArgumentException for a key that does not exist or is the active one
   */
  public void delete(int id) {
    requireKey("SCTP_AUTH_DELETE_KEY", id);
    if (id == active) {
      throw new IllegalArgumentException(
          "SCTP_AUTH_DELETE_KEY: key " + id + " is the active key; activate another first");
    }
    keys.remove(id);
    deactivated.remove(id);
    version++;
  }

  /** The key of number {@code id}, or null. The array must not be modified. */
  byte[] key(int id) {
    return keys.get(id);
  }

  /** The number of the key chunks are sent with (SCTP_AUTH_ACTIVE_KEY). */
  public int active() {
    return active;
  }

  /** The key numbers, ascending. */
  public List<Integer> ids() {
    return Collections.unmodifiableList(new ArrayList<>(keys.keySet()));
  }

  /** Whether key {@code id} was deactivated. */
  public boolean isDeactivated(int id) {
    return deactivated.contains(id);
  }

  /** Changes with every change, so that derived association keys can be recomputed. */
  int version() {
    return version;
  }
}
