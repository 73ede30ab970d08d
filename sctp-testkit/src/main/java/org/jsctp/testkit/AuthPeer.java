package org.jsctp.testkit;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jsctp.wire.AuthChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.ChunkListParameter;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.Crc32c;
import org.jsctp.wire.HmacAlgorithmParameter;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.RandomParameter;
import org.jsctp.wire.SupportedExtensionsParameter;

/**
 * The tester's side of AUTH (RFC 4895) for a {@link ScriptedPeer}: its own Random, Chunk List and
 * HMAC Algorithm parameters for its INIT or INIT ACK, its endpoint pair shared keys, and, once it
 * has seen what the IUT announced, the association shared keys with which it signs the packets it
 * sends and checks the AUTH chunks of those it receives. It is written apart from the stack's own
 * code so that the two check each other.
 *
 * <p>To send authenticated chunks, put {@link #placeholder} where the AUTH chunk goes, encode the
 * packet ({@link ScriptedPeer#encode}), {@link #sign} it and send it raw.
 */
public final class AuthPeer {

  /** HMAC identifier of HMAC-SHA-1 (RFC 4895 section 3.3). */
  public static final int SHA_1 = 1;
  /** HMAC identifier of HMAC-SHA-256. */
  public static final int SHA_256 = 3;

  private final byte[] random;
  private final List<Integer> chunks;
  private final List<Integer> hmacs;
  private final Map<Integer, byte[]> keys = new HashMap<>();
  private byte[] iutVector;

  /**
   * @param random the tester's Random Number (32 bytes for a valid one)
   * @param chunks the chunk types it lists, or empty to leave out the Chunk List
   * @param hmacs the HMAC identifiers it lists, most preferred first
   */
  public AuthPeer(byte[] random, List<Integer> chunks, List<Integer> hmacs) {
    this.random = random.clone();
    this.chunks = List.copyOf(chunks);
    this.hmacs = List.copyOf(hmacs);
    keys.put(0, new byte[0]);
  }

  /** A tester with a Random of 32 bytes of 0xA5, listing {@code chunks}, asking for SHA-1 only. */
  public static AuthPeer listing(Integer... chunks) {
    byte[] random = new byte[32];
    Arrays.fill(random, (byte) 0xA5);
    return new AuthPeer(random, List.of(chunks), List.of(SHA_1));
  }

  /** Sets endpoint pair shared key {@code id} (key 0 is the empty key unless set). */
  public AuthPeer key(int id, byte[] key) {
    keys.put(id, key.clone());
    return this;
  }

  /** Forgets key {@code id}. */
  public void deleteKey(int id) {
    keys.remove(id);
  }

  /**
   * The parameters the tester announces AUTH with: Random, Chunk List (when not empty), HMAC-ALGO
   * and Supported Extensions listing AUTH.
   */
  public List<Parameter> parameters() {
    List<Parameter> list = new ArrayList<>(ownParameters());
    list.add(new SupportedExtensionsParameter(List.of(ChunkType.AUTH)));
    return list;
  }

  private List<Parameter> ownParameters() {
    List<Parameter> list = new ArrayList<>();
    list.add(new RandomParameter(Bytes.wrap(random)));
    if (!chunks.isEmpty()) {
      list.add(new ChunkListParameter(chunks));
    }
    list.add(new HmacAlgorithmParameter(hmacs));
    return list;
  }

  /** Learns what the IUT announced in its INIT or INIT ACK. */
  public void learnIut(List<Parameter> iutParameters) {
    List<Parameter> vector = new ArrayList<>();
    for (Class<?> type : List.of(RandomParameter.class, ChunkListParameter.class,
        HmacAlgorithmParameter.class)) {
      iutParameters.stream().filter(type::isInstance).findFirst().ifPresent(vector::add);
    }
    iutVector = vector(vector);
  }

  /** The parameters type, length and value, padding left out, one after another (section 6.1). */
  private static byte[] vector(List<Parameter> parameters) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Parameter p : parameters) {
      ByteBuffer b = ByteBuffer.allocate(p.paddedLength());
      p.writeTo(b);
      out.write(b.array(), 0, p.encodedLength());
    }
    return out.toByteArray();
  }

  /**
   * The association shared key of pair key {@code id} (section 6.2): the key, then the two key
   * vectors, the numerically smaller first (the shorter first when equal as numbers).
   */
  public byte[] associationKey(int id) {
    if (iutVector == null) {
      throw new IllegalStateException("learnIut first");
    }
    byte[] mine = vector(ownParameters());
    int order = new BigInteger(1, mine).compareTo(new BigInteger(1, iutVector));
    boolean mineFirst = order < 0 || order == 0 && mine.length <= iutVector.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(keys.get(id));
    out.writeBytes(mineFirst ? mine : iutVector);
    out.writeBytes(mineFirst ? iutVector : mine);
    return out.toByteArray();
  }

  /** An AUTH chunk with an HMAC of zeros of the algorithm's length, for {@link #sign}. */
  public static AuthChunk placeholder(int keyId, int hmacId) {
    return new AuthChunk(keyId, hmacId, Bytes.wrap(new byte[hmacId == SHA_256 ? 32 : 20]));
  }

  /**
   * Fills in the HMAC of the first AUTH chunk of an encoded packet with the key and algorithm it
   * names, then the CRC32c; returns the same array.
   */
  public byte[] sign(byte[] packet) {
    int at = authOffset(packet);
    int keyId = u16(packet, at + 4);
    int hmacId = u16(packet, at + 6);
    byte[] hmac = hmac(keyId, hmacId, packet, at);
    System.arraycopy(hmac, 0, packet, at + 8, hmac.length);
    Crc32c.write(packet, 0, packet.length);
    return packet;
  }

  /** Whether the first AUTH chunk of a packet from the IUT carries the HMAC it should. */
  public boolean verifies(byte[] packet) {
    int at = authOffset(packet);
    int keyId = u16(packet, at + 4);
    int hmacId = u16(packet, at + 6);
    byte[] expected = hmac(keyId, hmacId, packet, at);
    byte[] got = Arrays.copyOfRange(packet, at + 8, at + 8 + expected.length);
    return Arrays.equals(expected, got);
  }

  private byte[] hmac(int keyId, int hmacId, byte[] packet, int at) {
    String name = hmacId == SHA_256 ? "HmacSHA256" : "HmacSHA1";
    int length = hmacId == SHA_256 ? 32 : 20;
    byte[] copy = Arrays.copyOfRange(packet, at, packet.length);
    Arrays.fill(copy, 8, 8 + length, (byte) 0);
    try {
      Mac mac = Mac.getInstance(name);
      mac.init(new SecretKeySpec(associationKey(keyId), name));
      return mac.doFinal(copy);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int authOffset(byte[] packet) {
    int p = 12;
    while (p + 4 <= packet.length) {
      if ((packet[p] & 0xFF) == ChunkType.AUTH) {
        return p;
      }
      p += (u16(packet, p + 2) + 3) & ~3;
    }
    throw new IllegalArgumentException("the packet has no AUTH chunk");
  }

  private static int u16(byte[] b, int off) {
    return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
  }
}
