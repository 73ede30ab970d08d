package org.jsctp.association;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.jsctp.wire.ChunkType;

/**
 * The AUTH settings (RFC 4895) an association is set up with, as the socket options of RFC 6458
 * set them: whether AUTH is offered ({@code auth_enable}, SCTP_AUTH_SUPPORTED), the chunk types
 * this side wants to receive authenticated (SCTP_AUTH_CHUNK, section 8.3.2), the HMAC identifiers
 * it asks the peer to use (SCTP_HMAC_IDENT, section 8.3.3) and the endpoint pair shared keys
 * (SCTP_AUTH_KEY and the key options, {@link SharedKeys}). Part of {@link AssociationOptions}
 * and copied with it.
 *
 * <p>ASCONF and ASCONF-ACK are always in the chunk list when AUTH is offered (RFC 5061 section
 * 4.1.1 requires them authenticated).
 */
public final class AuthOptions {

  /** The default HMAC list: SHA-256 preferred, SHA-1 (mandatory) second, as usrsctp sends. */
  public static final List<Integer> DEFAULT_HMAC_IDENTS =
      List.of(HmacAlgorithm.SHA_256.id(), HmacAlgorithm.SHA_1.id());

  private boolean supported;
  /** Never changed in place, so that copies share it (every association has a copy). */
  private TreeSet<Integer> chunks = new TreeSet<>();
  private List<Integer> hmacIdents = DEFAULT_HMAC_IDENTS;
  private SharedKeys keys = new SharedKeys();

  AuthOptions(boolean supported) {
    this.supported = supported;
  }

  /** An independent copy, keys included. */
  AuthOptions copy() {
    AuthOptions c = new AuthOptions(supported);
    c.chunks = chunks;
    c.hmacIdents = hmacIdents;
    c.keys = keys.copy();
    return c;
  }

  /** SCTP_AUTH_SUPPORTED: offer AUTH when setting up associations. */
  public void setSupported(boolean supported) {
    this.supported = supported;
  }

  /** Whether AUTH is offered. */
  public boolean supported() {
    return supported;
  }

  /**
   * SCTP_AUTH_CHUNK (RFC 6458 section 8.3.2): chunks of {@code chunkType} are taken from the
   * peer only after an AUTH chunk, on associations set up later. There is no way back, as in
   * RFC 6458.
   *
   * @throws IllegalArgumentException for a type outside 0..255, or INIT, INIT ACK, SHUTDOWN
   *     COMPLETE or AUTH, which are never authenticated (RFC 4895 section 3.2)
   */
  public void addChunk(int chunkType) {
    if (chunkType < 0 || chunkType > 0xFF) {
      throw new IllegalArgumentException("SCTP_AUTH_CHUNK: chunk type " + chunkType
          + " is out of range 0..255");
    }
    if (!Authentication.mayBeAuthenticated(chunkType)) {
      throw new IllegalArgumentException("SCTP_AUTH_CHUNK: " + ChunkType.name(chunkType)
          + " is never authenticated (RFC 4895 section 3.2)");
    }
    TreeSet<Integer> more = new TreeSet<>(chunks);
    more.add(chunkType);
    chunks = more;
  }

  /**
   * SCTP_LOCAL_AUTH_CHUNKS (RFC 6458 section 8.2.8): the Chunk List this side sends, ascending;
   * ASCONF and ASCONF-ACK always among them.
   */
  public List<Integer> chunkList() {
    TreeSet<Integer> list = new TreeSet<>(chunks);
    list.add(ChunkType.ASCONF_ACK);
    list.add(ChunkType.ASCONF);
    return List.copyOf(list);
  }

  /**
   * SCTP_HMAC_IDENT (RFC 6458 section 8.3.3): the HMAC identifiers the peer is asked to use, most
   * preferred first.
   *
   * @throws IllegalArgumentException for an empty list, an identifier this stack does not
   *     implement (1 is SHA-1, 3 SHA-256), one listed twice, or a list without SHA-1 (RFC 4895
   *     section 6.1 makes it mandatory)
   */
  public void setHmacIdents(List<Integer> ids) {
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("SCTP_HMAC_IDENT needs at least one HMAC identifier");
    }
    for (int i = 0; i < ids.size(); i++) {
      int id = ids.get(i);
      if (HmacAlgorithm.byId(id) == null) {
        throw new IllegalArgumentException("SCTP_HMAC_IDENT: HMAC identifier " + id
            + " is not implemented; 1 (SHA-1) and 3 (SHA-256) are");
      }
      if (ids.subList(0, i).contains(id)) {
        throw new IllegalArgumentException("SCTP_HMAC_IDENT: HMAC identifier " + id
            + " is listed twice");
      }
    }
    if (!ids.contains(HmacAlgorithm.SHA_1.id())) {
      throw new IllegalArgumentException("SCTP_HMAC_IDENT must list 1 (SHA-1), which RFC 4895"
          + " section 6.1 makes mandatory");
    }
    this.hmacIdents = List.copyOf(ids);
  }

  /** The HMAC identifiers offered, most preferred first. */
  public List<Integer> hmacIdents() {
    return hmacIdents;
  }

  /** The endpoint pair shared keys, changed in place by the key options. */
  public SharedKeys keys() {
    return keys;
  }

  /** What this side announces in its INIT or INIT ACK, with a fresh Random from {@code random}. */
  AuthParameters announce(RandomGenerator random) {
    return AuthParameters.local(random, chunkList(), new ArrayList<>(hmacIdents));
  }
}
