package org.jsctp.association;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.ChunkListParameter;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.HmacAlgorithmParameter;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.RandomParameter;
import org.jsctp.wire.SupportedExtensionsParameter;

/**
 * What one side announced for AUTH in its INIT or INIT ACK (RFC 4895 sections 3 and 6.1): its
 * Random, the chunk types it wants authenticated (Chunk List, absent when empty) and the HMAC
 * identifiers it accepts, most preferred first. Together they make the side's key vector.
 *
 * @param random the Random Number, 32 bytes when valid
 * @param chunkTypes the Chunk List as sent, or null when the parameter was absent
 * @param hmacIds the HMAC identifiers as sent
 */
public record AuthParameters(Bytes random, List<Integer> chunkTypes, List<Integer> hmacIds) {

  /** RFC 4895 section 6.1: the Random Number is 32 bytes. */
  public static final int RANDOM_LENGTH = 32;

  /**
   * More chunk types than this in a peer's Chunk List are refused as a protocol violation: there
   * are 256 chunk types, and the list travels in our state cookie, which must stay small.
   */
  static final int MAX_CHUNK_TYPES = 256;

  /** The same for HMAC identifiers; a handful are defined. */
  static final int MAX_HMAC_IDS = 64;

  /** Copies the lists. */
  public AuthParameters {
    chunkTypes = chunkTypes == null ? null : List.copyOf(chunkTypes);
    hmacIds = List.copyOf(hmacIds);
  }

  /** Ours: a fresh Random from {@code random} with the chunk list and HMAC identifiers given. */
  static AuthParameters local(RandomGenerator random, List<Integer> chunkTypes, List<Integer> hmacIds) {
    byte[] r = new byte[RANDOM_LENGTH];
    random.nextBytes(r);
    return new AuthParameters(Bytes.wrap(r), chunkTypes.isEmpty() ? null : chunkTypes, hmacIds);
  }

  /**
   * What the parameters of an INIT or INIT ACK announce, or null when the sender does not do
   * AUTH: it must list AUTH in Supported Extensions and send a Random and an HMAC Algorithm
   * parameter (the Chunk List may be left out when empty, RFC 4895 section 3.2). The first of each
   * parameter counts.
   */
  public static AuthParameters announcedBy(List<Parameter> parameters) {
    Bytes random = null;
    List<Integer> chunks = null;
    List<Integer> hmacs = null;
    boolean listed = false;
    for (Parameter p : parameters) {
      if (p instanceof RandomParameter r && random == null) {
        random = r.random();
      } else if (p instanceof ChunkListParameter c && chunks == null) {
        chunks = c.chunkTypes();
      } else if (p instanceof HmacAlgorithmParameter h && hmacs == null) {
        hmacs = h.hmacIds();
      } else if (p instanceof SupportedExtensionsParameter x) {
        listed |= x.chunkTypes().contains(ChunkType.AUTH);
      }
    }
    return !listed || random == null || hmacs == null
        ? null
        : new AuthParameters(random, chunks, hmacs);
  }

  /** Whether the Chunk List names {@code chunkType}. */
  boolean lists(int chunkType) {
    return chunkTypes != null && chunkTypes.contains(chunkType);
  }

  /**
   * Why a peer's parameters break RFC 4895 section 6.1, which makes the association fail with a
   * Protocol Violation, or null when they are good: a Random that is not 32 bytes, an HMAC list
   * without SHA-1, or lists longer than any endpoint sends.
   */
  public String problem() {
    if (random.length() != RANDOM_LENGTH) {
      return "AUTH Random of " + random.length() + " bytes, " + RANDOM_LENGTH + " required";
    }
    if (!hmacIds.contains(HmacAlgorithm.SHA_1.id())) {
      return "AUTH HMAC-ALGO without HMAC-SHA-1";
    }
    if (hmacIds.size() > MAX_HMAC_IDS) {
      return "AUTH HMAC-ALGO with " + hmacIds.size() + " entries, at most " + MAX_HMAC_IDS
          + " taken";
    }
    if (chunkTypes != null && chunkTypes.size() > MAX_CHUNK_TYPES) {
      return "AUTH Chunk List with " + chunkTypes.size() + " entries, at most " + MAX_CHUNK_TYPES
          + " taken";
    }
    return null;
  }

  /** The parameters announcing these values in an INIT or INIT ACK: Random, Chunk List, HMAC. */
  List<Parameter> parameters() {
    List<Parameter> params = new ArrayList<>(3);
    params.add(new RandomParameter(random));
    if (chunkTypes != null) {
      params.add(new ChunkListParameter(chunkTypes));
    }
    params.add(new HmacAlgorithmParameter(hmacIds));
    return params;
  }

  /**
   * The key vector (RFC 4895 section 6.1): the Random, Chunk List (when sent) and HMAC Algorithm
   * parameters, type and length included, padding left out, in that order.
   */
  byte[] keyVector() {
    List<Parameter> ordered = parameters();
    int length = 0;
    for (Parameter p : ordered) {
      length += p.encodedLength();
    }
    byte[] vector = new byte[length];
    int at = 0;
    for (Parameter p : ordered) {
      ByteBuffer b = ByteBuffer.allocate(p.paddedLength());
      p.writeTo(b);
      System.arraycopy(b.array(), 0, vector, at, p.encodedLength());
      at += p.encodedLength();
    }
    return vector;
  }

  /** Serialises into a state cookie. */
  void writeTo(ByteBuffer b) {
    b.put((byte) random.length());
    random.writeTo(b);
    if (chunkTypes == null) {
      b.putShort((short) -1);
    } else {
      b.putShort((short) chunkTypes.size());
      for (int t : chunkTypes) {
        b.put((byte) t);
      }
    }
    b.putShort((short) hmacIds.size());
    for (int id : hmacIds) {
      b.putShort((short) id);
    }
  }

  /** The bytes {@link #writeTo} writes. */
  int serializedLength() {
    return 1 + random.length() + 2 + (chunkTypes == null ? 0 : chunkTypes.size()) + 2
        + 2 * hmacIds.size();
  }

  /** Reads what {@link #writeTo} wrote; throws BufferUnderflowException when it is cut short. */
  static AuthParameters readFrom(ByteBuffer b) {
    byte[] r = new byte[b.get() & 0xFF];
    b.get(r);
    int chunkCount = b.getShort();
    List<Integer> chunks = null;
    if (chunkCount >= 0) {
      chunks = new ArrayList<>(chunkCount);
      for (int i = 0; i < chunkCount; i++) {
        chunks.add(b.get() & 0xFF);
      }
    }
    int hmacCount = b.getShort() & 0xFFFF;
    List<Integer> hmacs = new ArrayList<>(Math.min(hmacCount, MAX_HMAC_IDS));
    for (int i = 0; i < hmacCount; i++) {
      hmacs.add(b.getShort() & 0xFFFF);
    }
    return new AuthParameters(Bytes.wrap(r), chunks, hmacs);
  }
}
