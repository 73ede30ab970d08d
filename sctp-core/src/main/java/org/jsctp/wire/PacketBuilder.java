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
 *   <li>nothing added after an ABORT.
 * </ul>
 *
 * <p>{@link #add} refuses (returns {@code false}) a chunk that breaks a rule or does not fit with
 * its padding, so the built packet never exceeds {@code maxPacketSize}. Building allocates the
 * packet array and empties the builder for the next packet. Not thread-safe; reuse one per
 * association.
 */
public final class PacketBuilder {

  private final int maxPacketSize;
  private final ArrayList<Chunk> control = new ArrayList<>();
  private final ArrayList<Chunk> data = new ArrayList<>();
  private int size = CommonHeader.LENGTH;
  private boolean hasCookieChunk;
  private boolean hasLoneChunk;
  private boolean hasAbort;
  private boolean forbidsData;

  /**
   * Creates an empty builder.
   *
   * @param maxPacketSize the largest SCTP packet to build, common header included, 16..65535 (for
   *     SCTP over UDP: the path MTU minus the IP and UDP headers)
   */
  public PacketBuilder(int maxPacketSize) {
    if (maxPacketSize < CommonHeader.LENGTH + Wire.TLV_HEADER || maxPacketSize > Wire.MAX_LENGTH) {
      throw new IllegalArgumentException("maxPacketSize out of range 16..65535: " + maxPacketSize);
    }
    this.maxPacketSize = maxPacketSize;
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
    if (padded > maxPacketSize - size || !mayBundle(chunk.type())) {
      return false;
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

  /** Bytes still free: {@code maxPacketSize} minus the packet built so far. */
  public int remaining() {
    return maxPacketSize - size;
  }

  /** Whether a chunk with this Length (padding is added here) would fit. */
  public boolean fits(int chunkLength) {
    return Wire.pad4(chunkLength) <= remaining();
  }

  /** Whether no chunk has been added. */
  public boolean isEmpty() {
    return control.isEmpty() && data.isEmpty();
  }

  /** The size in bytes of the packet if built now, the 12-byte common header included. */
  public int size() {
    return size;
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
    for (int i = 0, n = control.size(); i < n; i++) {
      control.get(i).writeTo(out);
    }
    for (int i = 0, n = data.size(); i < n; i++) {
      data.get(i).writeTo(out);
    }
    Crc32c.write(packet, 0, packet.length);
    reset();
    return packet;
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
  }
}
