package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Objects;

/**
 * Collects chunks for one packet within a size limit and encodes them with the RFC 9260 bundling
 * rules (section 6.10) applied, whatever order they are added in:
 *
 * <ul>
 *   <li>control chunks first, in the order added; DATA and I-DATA after them, in the order added
 *       (the caller adds them by increasing TSN);
 *   <li>COOKIE ECHO or COOKIE ACK at the very front (sections 5.1 and 6.10), one of them at most;
 *   <li>INIT, INIT ACK and SHUTDOWN COMPLETE alone in their packet;
 *   <li>no DATA or I-DATA together with ABORT, SHUTDOWN or SHUTDOWN ACK;
 *   <li>nothing added after an ABORT;
 *   <li>with a {@link ChunkAuthenticator}, one AUTH chunk before the first chunk that must be
 *       authenticated (RFC 4895 section 6.2): at the very front, or right after a leading COOKIE
 *       ECHO or COOKIE ACK that needs no authentication itself; every chunk after it is covered by
 *       its HMAC.
 * </ul>
 *
 * <p>{@link #add} refuses (returns {@code false}) a chunk that breaks a rule or does not fit with
 * its padding, so the built packet never exceeds {@code maxPacketSize}. Building allocates the
 * packet array and empties the builder for the next packet. Not thread-safe; reuse one per
 * association.
 */
public final class PacketBuilder {

  private final int maxPacketSize;
  private final ChunkAuthenticator authenticator;
  private final ArrayList<Chunk> control = new ArrayList<>();
  private final ArrayList<Chunk> data = new ArrayList<>();
  private int size = CommonHeader.LENGTH;
  private boolean hasCookieChunk;
  private boolean hasLoneChunk;
  private boolean hasAbort;
  private boolean forbidsData;
  /** The padded length of the AUTH chunk once a chunk that needs it was added, else 0. */
  private int authLength;

  /**
   * Creates an empty builder that authenticates nothing.
   *
   * @param maxPacketSize the largest SCTP packet to build, common header included, 16..65535 (for
   *     SCTP over UDP: the path MTU minus the IP and UDP headers)
   */
  public PacketBuilder(int maxPacketSize) {
    this(maxPacketSize, null);
  }

  /**
   * Creates an empty builder that bundles an AUTH chunk when a chunk {@code authenticator}
   * requires it is added (RFC 4895 section 6.2).
   *
   * @param maxPacketSize as for {@link #PacketBuilder(int)}
   * @param authenticator null when nothing is authenticated
   */
  public PacketBuilder(int maxPacketSize, ChunkAuthenticator authenticator) {
    if (maxPacketSize < CommonHeader.LENGTH + Wire.TLV_HEADER || maxPacketSize > Wire.MAX_LENGTH) {
      throw new IllegalArgumentException("maxPacketSize out of range 16..65535: " + maxPacketSize);
    }
    this.maxPacketSize = maxPacketSize;
    this.authenticator = authenticator;
  }

  /** The size limit given at construction. */
  public int maxPacketSize() {
    return maxPacketSize;
  }

  /**
   * Adds a chunk if it fits, padding included, and may be bundled with the chunks already added.
   *
   * @return {@code false}, leaving the builder unchanged, if it does not fit or may not be bundled
   */
  public boolean add(Chunk chunk) {
    Objects.requireNonNull(chunk, "chunk");
    int padded = chunk.paddedLength();
    int auth = authLength == 0 && needsAuth(chunk.type())
        ? authenticator.template().paddedLength()
        : 0;
    if (padded + auth > maxPacketSize - size || !mayBundle(chunk.type())) {
      return false;
    }
    if (auth > 0) {
      authLength = auth;
      size += auth;
    }
    switch (chunk.type()) {
      case ChunkType.COOKIE_ECHO:
      case ChunkType.COOKIE_ACK:
        // RFC 9260 sections 5.1 and 6.10: COOKIE ECHO, or a bundled COOKIE ACK, comes first.
        control.add(0, chunk);
        hasCookieChunk = true;
        break;
      case ChunkType.DATA:
      case ChunkType.I_DATA:
        data.add(chunk);
        break;
      case ChunkType.INIT:
      case ChunkType.INIT_ACK:
      case ChunkType.SHUTDOWN_COMPLETE:
        control.add(chunk);
        hasLoneChunk = true;
        break;
      case ChunkType.ABORT:
        control.add(chunk);
        hasAbort = true;
        forbidsData = true;
        break;
      case ChunkType.SHUTDOWN:
      case ChunkType.SHUTDOWN_ACK:
        control.add(chunk);
        forbidsData = true;
        break;
      default:
        control.add(chunk);
        break;
    }
    size += padded;
    return true;
  }

  private boolean needsAuth(int type) {
    return authenticator != null && authenticator.requires(type);
  }

  /**
   * Puts {@code replacement} in the place of the control chunk {@code old} (the same object as
   * added) if the packet still fits. Both must be of the same type, a plain control chunk: not
   * DATA, I-DATA, or one of the chunks with a bundling rule of their own (so that the rules and
   * the AUTH chunk stay as they are).
   *
   * @return {@code false}, leaving the builder unchanged, if {@code old} is not in the packet or
   *     the packet would no longer fit
   * @throws IllegalArgumentException if the types differ or have a bundling rule of their own
   */
  public boolean replace(Chunk old, Chunk replacement) {
    Objects.requireNonNull(old, "old");
    Objects.requireNonNull(replacement, "replacement");
    if (old.type() != replacement.type() || !plainControl(old.type())) {
      throw new IllegalArgumentException("only a plain control chunk is replaced, by one of its"
          + " type: not type " + old.type() + " by " + replacement.type());
    }
    int at = -1;
    for (int i = 0; i < control.size(); i++) {
      if (control.get(i) == old) {
        at = i;
        break;
      }
    }
    int grown = replacement.paddedLength() - old.paddedLength();
    if (at < 0 || grown > maxPacketSize - size) {
      return false;
    }
    control.set(at, replacement);
    size += grown;
    return true;
  }

  private static boolean plainControl(int type) {
    switch (type) {
      case ChunkType.DATA:
      case ChunkType.I_DATA:
      case ChunkType.COOKIE_ECHO:
      case ChunkType.COOKIE_ACK:
      case ChunkType.INIT:
      case ChunkType.INIT_ACK:
      case ChunkType.SHUTDOWN_COMPLETE:
      case ChunkType.ABORT:
      case ChunkType.SHUTDOWN:
      case ChunkType.SHUTDOWN_ACK:
        return false;
      default:
        return true;
    }
  }

  private boolean mayBundle(int type) {
    // RFC 9260 section 6.10: INIT, INIT ACK and SHUTDOWN COMPLETE go alone; nothing follows ABORT.
    if (hasLoneChunk || hasAbort) {
      return false;
    }
    switch (type) {
      case ChunkType.INIT:
      case ChunkType.INIT_ACK:
      case ChunkType.SHUTDOWN_COMPLETE:
        return isEmpty();
      case ChunkType.COOKIE_ECHO:
      case ChunkType.COOKIE_ACK:
        return !hasCookieChunk;
      case ChunkType.DATA:
      case ChunkType.I_DATA:
        // RFC 9260 section 6.10: no DATA with ABORT, SHUTDOWN or SHUTDOWN ACK.
        return !forbidsData;
      case ChunkType.ABORT:
      case ChunkType.SHUTDOWN:
      case ChunkType.SHUTDOWN_ACK:
        return data.isEmpty();
      default:
        return true;
    }
  }

  /**
   * Whether DATA may join the packet as built so far: not after INIT, INIT ACK or SHUTDOWN
   * COMPLETE, an ABORT, a SHUTDOWN or a SHUTDOWN ACK (RFC 9260 section 6.10).
   */
  public boolean acceptsData() {
    return mayBundle(ChunkType.DATA);
  }

  /**
   * Bytes still free for one more chunk that needs no AUTH chunk: {@code maxPacketSize} minus the
   * packet built so far.
   */
  public int remaining() {
    return maxPacketSize - size;
  }

  /**
   * Bytes still free for one more chunk of {@code chunkType}: {@link #remaining()}, less the AUTH
   * chunk the packet still lacks when that type must be authenticated.
   */
  public int remaining(int chunkType) {
    int free = maxPacketSize - size;
    return authLength == 0 && needsAuth(chunkType)
        ? free - authenticator.template().paddedLength()
        : free;
  }

  /** Whether a chunk with this Length (padding is added here) that needs no AUTH would fit. */
  public boolean fits(int chunkLength) {
    return Wire.pad4(chunkLength) <= remaining();
  }

  /** Whether a chunk of {@code chunkType} with this Length would fit, with its AUTH if it needs one. */
  public boolean fits(int chunkType, int chunkLength) {
    return Wire.pad4(chunkLength) <= remaining(chunkType);
  }

  /** Whether no chunk has been added. */
  public boolean isEmpty() {
    return control.isEmpty() && data.isEmpty();
  }

  /** The size in bytes of the packet if built now: the common header, the chunks, an AUTH chunk. */
  public int size() {
    return size;
  }

  /** Whether the packet as built so far gets an AUTH chunk. */
  public boolean authenticated() {
    return authLength > 0;
  }

  /** The number of chunks added. */
  public int chunkCount() {
    return control.size() + data.size();
  }

  /**
   * Encodes the chunks into a new packet with its CRC32c, then empties the builder.
   *
   * @param sourcePort 1..65535
   * @param destinationPort 1..65535
   * @param verificationTag the tag for the common header (0 for an INIT)
   * @throws IllegalStateException if no chunk was added
   */
  public byte[] build(int sourcePort, int destinationPort, int verificationTag) {
    if (isEmpty()) {
      throw new IllegalStateException("a packet needs at least one chunk");
    }
    if (sourcePort <= 0
        || sourcePort > 0xFFFF
        || destinationPort <= 0
        || destinationPort > 0xFFFF) {
      throw new IllegalArgumentException(
          "ports out of range 1..65535: " + sourcePort + " -> " + destinationPort);
    }
    byte[] packet = new byte[size];
    ByteBuffer out = ByteBuffer.wrap(packet);
    out.putShort((short) sourcePort);
    out.putShort((short) destinationPort);
    out.putInt(verificationTag);
    out.putInt(0);
    int authAt = authLength == 0 ? -1 : authPosition();
    int authOffset = -1;
    for (int i = 0, n = control.size(); i < n; i++) {
      if (i == authAt) {
        authOffset = out.position();
        authenticator.template().writeTo(out);
      }
      control.get(i).writeTo(out);
    }
    if (authAt == control.size()) {
      authOffset = out.position();
      authenticator.template().writeTo(out);
    }
    for (int i = 0, n = data.size(); i < n; i++) {
      data.get(i).writeTo(out);
    }
    if (authOffset >= 0) {
      authenticator.sign(packet, authOffset, packet.length);
    }
    Crc32c.write(packet, 0, packet.length);
    reset();
    return packet;
  }

  /**
   * Where the AUTH chunk goes among the control chunks (RFC 4895 section 6.2): first, after a
   * leading COOKIE ECHO or COOKIE ACK unless that one must be authenticated too.
   */
  private int authPosition() {
    return hasCookieChunk && !needsAuth(control.get(0).type()) ? 1 : 0;
  }

  /** Drops every chunk added. */
  public void reset() {
    control.clear();
    data.clear();
    size = CommonHeader.LENGTH;
    hasCookieChunk = false;
    hasLoneChunk = false;
    hasAbort = false;
    forbidsData = false;
    authLength = 0;
  }
}
