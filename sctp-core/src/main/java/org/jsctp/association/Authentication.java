package org.jsctp.association;

import java.security.InvalidKeyException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import org.jsctp.wire.AuthChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.ChunkAuthenticator;
import org.jsctp.wire.ChunkType;

/**
 * The AUTH state of one association (RFC 4895): what each side announced, the endpoint pair
 * shared keys, and from them the association shared keys (section 6.2) with which chunks are
 * authenticated on the way out (the {@link ChunkAuthenticator} of the association's packets) and
 * verified on the way in (section 6.3). {@link #OFF} stands for an association without AUTH: it
 * requires nothing and authenticates nothing.
 *
 * <p>Which chunks travel authenticated: on the way out those the peer listed in its Chunk List,
 * on the way in those we listed, and in both directions ASCONF and ASCONF-ACK (RFC 5061 section
 * 4.1.1), never INIT, INIT ACK, SHUTDOWN COMPLETE or AUTH (RFC 4895 section 3.2).
 *
 * <p>Keys are never logged, and {@link #toString()} names only key numbers.
 */
final class Authentication implements ChunkAuthenticator {

  /** An association on which this side did not offer AUTH. */
  static final Authentication OFF = new Authentication(null);

  /** What verifying an AUTH chunk found (RFC 4895 section 6.3). */
  enum Verdict {
    /** The HMAC matches: the chunks after the AUTH chunk are authenticated. */
    AUTHENTIC,
    /** An HMAC Identifier we did not list: discard, and report it with cause 0x0105. */
    UNSUPPORTED_HMAC,
    /** A Shared Key Identifier with no key: discard silently. */
    UNKNOWN_KEY,
    /** The HMAC does not match, or has the wrong length: discard silently. */
    BAD_HMAC
  }

  private static final int NO_KEY = -1;
  private static final byte[] ZEROS = new byte[64];

  private final boolean negotiated;
  private final AuthParameters local;
  private final AuthParameters peer;
  private final SharedKeys keys;
  private final HmacAlgorithm sendAlgorithm;
  private final boolean[] requiredOut = new boolean[256];
  private final boolean[] requiredIn = new boolean[256];
  /** The smaller and the larger key vector, in the order they follow the shared key. */
  private final byte[] firstVector;
  private final byte[] secondVector;
  /** A ready MAC per key number and algorithm, dropped whenever a key changes. */
  private final Map<Integer, Mac> macs = new HashMap<>();
  private final byte[] computed = new byte[64];
  private int keysVersion;
  /** The MAC used last and its slot, so that a packet needs no map lookup (no boxing). */
  private Mac lastMac;
  private int lastSlot = -1;
  private AuthChunk template;
  private int lastPeerKey;

  /** This side offered {@code local} (or nothing, when null) and the peer did not take it. */
  private Authentication(AuthParameters local) {
    negotiated = false;
    this.local = local;
    peer = null;
    keys = null;
    sendAlgorithm = null;
    firstVector = null;
    secondVector = null;
  }

  private Authentication(AuthParameters local, AuthParameters peer, SharedKeys keys) {
    this.negotiated = true;
    this.local = local;
    this.peer = peer;
    this.keys = keys;
    this.sendAlgorithm = sendAlgorithm(peer.hmacIds());
    byte[] localVector = local.keyVector();
    byte[] peerVector = peer.keyVector();
    boolean localFirst = compareAsNumbers(localVector, peerVector) <= 0;
    this.firstVector = localFirst ? localVector : peerVector;
    this.secondVector = localFirst ? peerVector : localVector;
    for (int type = 0; type < 256; type++) {
      boolean always = type == ChunkType.ASCONF || type == ChunkType.ASCONF_ACK;
      requiredOut[type] = mayBeAuthenticated(type) && (always || peer.lists(type));
      requiredIn[type] = mayBeAuthenticated(type) && (always || local.lists(type));
    }
    this.keysVersion = keys.version();
  }

  /**
   * The AUTH state of an association whose two sides announced {@code local} and {@code peer}
   * (either null: AUTH is not used), authenticating with the association's {@code keys}.
   */
  static Authentication negotiate(AuthParameters local, AuthParameters peer, SharedKeys keys) {
    if (local == null) {
      return OFF;
    }
    return peer == null ? new Authentication(local) : new Authentication(local, peer, keys);
  }

  /** RFC 4895 section 3.2: INIT, INIT ACK, SHUTDOWN COMPLETE and AUTH are never authenticated. */
  static boolean mayBeAuthenticated(int chunkType) {
    return chunkType != ChunkType.INIT && chunkType != ChunkType.INIT_ACK
        && chunkType != ChunkType.SHUTDOWN_COMPLETE && chunkType != ChunkType.AUTH;
  }

  /** RFC 4895 section 6.1: the first HMAC in the peer's list that we implement. */
  private static HmacAlgorithm sendAlgorithm(List<Integer> peerIds) {
    for (int id : peerIds) {
      HmacAlgorithm a = HmacAlgorithm.byId(id);
      if (a != null) {
        return a;
      }
    }
    // The peer's list was checked to name SHA-1.
    return HmacAlgorithm.SHA_1;
  }

  /**
   * Compares two key vectors as big-endian unsigned numbers, the shorter one padded with leading
   * zeros; equal numbers order the shorter vector first (RFC 4895 section 6.2).
   */
  static int compareAsNumbers(byte[] a, byte[] b) {
    int length = Math.max(a.length, b.length);
    for (int i = 0; i < length; i++) {
      int x = i < length - a.length ? 0 : a[i - (length - a.length)] & 0xFF;
      int y = i < length - b.length ? 0 : b[i - (length - b.length)] & 0xFF;
      if (x != y) {
        return x < y ? -1 : 1;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  /**
   * The association shared key of an endpoint pair shared key (RFC 4895 section 6.2): the pair
   * key, then the numerically smaller key vector, then the larger.
   */
  static byte[] associationKey(byte[] pairKey, byte[] firstVector, byte[] secondVector) {
    byte[] key = new byte[pairKey.length + firstVector.length + secondVector.length];
    System.arraycopy(pairKey, 0, key, 0, pairKey.length);
    System.arraycopy(firstVector, 0, key, pairKey.length, firstVector.length);
    System.arraycopy(secondVector, 0, key, pairKey.length + firstVector.length,
        secondVector.length);
    return key;
  }

  // ---- queries -----------------------------------------------------------------------------

  /** Whether both sides announced AUTH: only then is anything authenticated. */
  boolean negotiated() {
    return negotiated;
  }

  /**
   * Whether this side offered AUTH and the peer did not take it (SCTP_AUTH_NO_AUTH, RFC 6458
   * section 6.1.8).
   */
  boolean refusedByPeer() {
    return local != null && !negotiated;
  }

  /** What this side announced, or null when it did not offer AUTH. */
  AuthParameters local() {
    return local;
  }

  /** What the peer announced, or null without AUTH. */
  AuthParameters peer() {
    return peer;
  }

  /** The HMAC this side sends with (the peer's preference), or null without AUTH. */
  HmacAlgorithm sendAlgorithm() {
    return sendAlgorithm;
  }

  /** Whether a chunk of this type from the peer counts only after a verified AUTH chunk. */
  boolean requiredInbound(int chunkType) {
    return negotiated && requiredIn[chunkType & 0xFF];
  }

  /** Whether a chunk of this type must go out after an AUTH chunk. */
  @Override
  public boolean requires(int chunkType) {
    return negotiated && requiredOut[chunkType & 0xFF];
  }

  /** The bytes an AUTH chunk adds to a packet with a chunk of this type; 0 when it needs none. */
  int overhead(int chunkType) {
    return requires(chunkType) ? template().paddedLength() : 0;
  }

  // ---- sending -----------------------------------------------------------------------------

  @Override
  public AuthChunk template() {
    int active = keys.active();
    if (template == null || template.sharedKeyId() != active) {
      template = new AuthChunk(active, sendAlgorithm.id(),
          Bytes.wrap(new byte[sendAlgorithm.length()]));
    }
    return template;
  }

  @Override
  public void sign(byte[] packet, int authOffset, int length) {
    Mac mac = mac(keys.active(), sendAlgorithm);
    mac.update(packet, authOffset, length - authOffset);
    try {
      mac.doFinal(packet, authOffset + 8);
    } catch (ShortBufferException e) {
      throw new IllegalStateException("the AUTH chunk has no room for its HMAC", e);
    }
  }

  // ---- receiving ---------------------------------------------------------------------------

  /**
   * Verifies an AUTH chunk that starts at {@code authOffset} of {@code packet}, whose chunks end at
   * {@code end} (RFC 4895 section 6.3): the HMAC over the AUTH chunk, its HMAC field zero, and
   * every chunk after it, with the association shared key its Shared Key Identifier names.
   */
  Verdict verify(AuthChunk auth, byte[] packet, int authOffset, int end) {
    HmacAlgorithm algorithm = HmacAlgorithm.byId(auth.hmacId());
    if (algorithm == null || !local.hmacIds().contains(auth.hmacId())) {
      return Verdict.UNSUPPORTED_HMAC;
    }
    if (keys.key(auth.sharedKeyId()) == null) {
      return Verdict.UNKNOWN_KEY;
    }
    int length = algorithm.length();
    if (auth.hmac().length() != length || authOffset + 8 + length > end) {
      return Verdict.BAD_HMAC;
    }
    Mac mac = mac(auth.sharedKeyId(), algorithm);
    mac.update(packet, authOffset, 8);
    mac.update(ZEROS, 0, length);
    int after = authOffset + 8 + length;
    mac.update(packet, after, end - after);
    try {
      mac.doFinal(computed, 0);
    } catch (ShortBufferException e) {
      throw new IllegalStateException("HMAC longer than " + computed.length + " bytes", e);
    }
    int difference = 0;
    for (int i = 0; i < length; i++) {
      difference |= computed[i] ^ packet[authOffset + 8 + i];
    }
    return difference == 0 ? Verdict.AUTHENTIC : Verdict.BAD_HMAC;
  }

  /**
   * Records the key number of a verified AUTH chunk; true when the peer uses a key for the
   * first time since the last change (SCTP_AUTH_NEW_KEY, RFC 6458 section 6.1.8).
   */
  boolean peerKeyUsed(int keyNumber) {
    if (keyNumber == lastPeerKey) {
      return false;
    }
    lastPeerKey = keyNumber;
    return true;
  }

  private Mac mac(int keyNumber, HmacAlgorithm algorithm) {
    if (keys.version() != keysVersion) {
      macs.clear();
      lastSlot = -1;
      keysVersion = keys.version();
    }
    int slot = keyNumber << 8 | algorithm.ordinal();
    if (slot == lastSlot) {
      return lastMac;
    }
    Mac mac = macs.get(slot);
    if (mac == null) {
      byte[] pairKey = keys.key(keyNumber);
      if (pairKey == null) {
        throw new IllegalStateException("no key " + keyNumber);
      }
      mac = algorithm.newMac();
      try {
        mac.init(new SecretKeySpec(associationKey(pairKey, firstVector, secondVector),
            mac.getAlgorithm()));
      } catch (InvalidKeyException e) {
        throw new IllegalStateException(algorithm + " refused an association key", e);
      }
      macs.put(slot, mac);
    }
    lastSlot = slot;
    lastMac = mac;
    return mac;
  }

  @Override
  public String toString() {
    if (!negotiated) {
      return "AUTH off";
    }
    return "AUTH " + sendAlgorithm + " key " + keys.active() + " of " + keys.ids();
  }
}
