package org.jsctp.association;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.wire.AuthChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.RawPacket;

/**
 * The State Cookie of an INIT ACK (RFC 9260 section 5.1.3): everything needed to create the
 * association when it comes back in a COOKIE ECHO, so that the listener keeps no state for an
 * INIT. It is signed with HMAC-SHA256 under a rotating secret ({@link CookieSecrets}); a cookie
 * whose MAC does not verify is dropped.
 *
 * <pre>
 * version(1) generation(4) createdAt(8) lifetime(8) localTag(4) peerTag(4) localTsn(4)
 * peerTsn(4) peerRwnd(4) outStreams(2) inStreams(2) localTieTag(4) peerTieTag(4) peerPort(2)
 * initSourceIndex(1) localAddrLen(1) localAddr(4|16) count(1) {len(1) address(4|16)}*
 * extensions(1) [local AUTH parameters] [peer AUTH parameters] MAC(32)
 * </pre>
 *
 * <p>With AUTH (RFC 4895) the cookie carries what both sides announced (each side's Random,
 * Chunk List and HMAC identifiers), so that the association shared key can be computed when the
 * COOKIE ECHO comes back, and chunks bundled after it verified (section 6.3). It never carries
 * an endpoint pair shared key.
 *
 * @param createdAt the endpoint's time when the INIT ACK was built
 * @param lifetimeNanos Valid.Cookie.Life, plus any honoured Cookie Preservative
 * @param localTag our verification tag (the INIT ACK's Initiate Tag)
 * @param peerTag the peer's tag (the INIT's Initiate Tag)
 * @param localInitialTsn our Initial TSN
 * @param peerInitialTsn the peer's Initial TSN
 * @param peerRwnd the INIT's a_rwnd
 * @param outboundStreams our outbound streams after negotiation
 * @param inboundStreams our inbound streams after negotiation
 * @param localTieTag our tag of an existing association (section 5.2.2), or 0
 * @param peerTieTag the peer's tag of an existing association, or 0
 * @param peerPort the peer's SCTP port
 * @param peerAddresses the peer's addresses: INIT parameters plus the INIT's source
 * @param initSource the INIT's source address, confirmed because the INIT ACK went there
 * @param localAddress the local address the INIT arrived on
 * @param extensions the extensions both sides offered, used by the association
 * @param localAuth what this side announced for AUTH in the INIT ACK, or null
 * @param peerAuth what the peer announced for AUTH in the INIT, or null
 */
public record StateCookie(
    long createdAt,
    long lifetimeNanos,
    int localTag,
    int peerTag,
    int localInitialTsn,
    int peerInitialTsn,
    long peerRwnd,
    int outboundStreams,
    int inboundStreams,
    int localTieTag,
    int peerTieTag,
    int peerPort,
    List<InetAddress> peerAddresses,
    InetAddress initSource,
    InetAddress localAddress,
    Extensions extensions,
    AuthParameters localAuth,
    AuthParameters peerAuth) {

  private static final int VERSION = 2;
  /** Bits of the extensions byte saying which AUTH parameters follow it. */
  private static final int LOCAL_AUTH = 0x40;
  private static final int PEER_AUTH = 0x80;
  private static final int MAX_ADDRESSES = 64;

  public StateCookie {
    peerAddresses = List.copyOf(peerAddresses);
  }

  /** Whether the cookie outlived its lifetime at {@code now} (section 5.1.5 step 3). */
  public boolean isStale(long now) {
    return now - createdAt > lifetimeNanos;
  }

  /**
   * How long past its lifetime the cookie is, in microseconds (cause 3, section 3.3.10.3), at
   * most the 32 bits the cause carries (about 71.6 minutes).
   */
  public long stalenessMicros(long now) {
    return Math.min(0xFFFF_FFFFL, Math.max(0, (now - createdAt - lifetimeNanos) / 1000));
  }

  /**
   * Whether the association of this cookie takes a COOKIE ECHO only after a verified AUTH chunk:
   * AUTH was negotiated and this side listed COOKIE ECHO (RFC 4895 section 6.3).
   */
  public boolean requiresAuthenticatedEcho() {
    return localAuth != null && peerAuth != null && localAuth.lists(ChunkType.COOKIE_ECHO);
  }

  /**
   * Whether {@code auth}, the first chunk of {@code raw} and followed by the COOKIE ECHO of this
   * cookie, verifies with the keys the association of this cookie would have (RFC 4895 section
   * 6.3: with no association yet, the cookie's AUTH parameters and the endpoint pair shared keys
   * make the key). False when the cookie's association does not use AUTH.
   */
  public boolean authenticates(AuthChunk auth, RawPacket raw, SharedKeys keys) {
    Authentication a = Authentication.negotiate(localAuth, peerAuth, keys);
    int offset = raw.chunkOffset(0);
    return a.negotiated() && offset >= 0
        && a.verify(auth, raw.array(), offset, raw.end()) == Authentication.Verdict.AUTHENTIC;
  }

  /** Serializes and signs the cookie with the current secret. */
  public Bytes sign(CookieSecrets secrets, long now) {
    int generation = secrets.currentGeneration(now);
    int addrCount = Math.min(peerAddresses.size(), MAX_ADDRESSES);
    int authLength = (localAuth == null ? 0 : localAuth.serializedLength())
        + (peerAuth == null ? 0 : peerAuth.serializedLength());
    ByteBuffer b = ByteBuffer.allocate(
        65 + 17 * (addrCount + 1) + authLength + CookieSecrets.MAC_LENGTH);
    b.put((byte) VERSION)
        .putInt(generation)
        .putLong(createdAt)
        .putLong(lifetimeNanos)
        .putInt(localTag)
        .putInt(peerTag)
        .putInt(localInitialTsn)
        .putInt(peerInitialTsn)
        .putInt((int) peerRwnd)
        .putShort((short) outboundStreams)
        .putShort((short) inboundStreams)
        .putInt(localTieTag)
        .putInt(peerTieTag)
        .putShort((short) peerPort);
    int sourceIndex = peerAddresses.indexOf(initSource);
    b.put((byte) sourceIndex);
    putAddress(b, localAddress);
    b.put((byte) addrCount);
    for (int i = 0; i < addrCount; i++) {
      putAddress(b, peerAddresses.get(i));
    }
    b.put((byte) (extensions.bits() | (localAuth != null ? LOCAL_AUTH : 0)
        | (peerAuth != null ? PEER_AUTH : 0)));
    if (localAuth != null) {
      localAuth.writeTo(b);
    }
    if (peerAuth != null) {
      peerAuth.writeTo(b);
    }
    int length = b.position();
    byte[] mac = secrets.mac(generation, b.array(), length);
    b.put(mac);
    byte[] out = new byte[b.position()];
    System.arraycopy(b.array(), 0, out, 0, out.length);
    return Bytes.wrap(out);
  }

  private static void putAddress(ByteBuffer b, InetAddress address) {
    byte[] raw = address.getAddress();
    b.put((byte) raw.length).put(raw);
  }

  /**
   * Verifies the MAC and decodes. Returns null for a cookie that is not ours, was tampered with,
   * was signed by a secret no longer kept, or is malformed; never throws for bad input.
   */
  public static StateCookie verify(Bytes cookie, CookieSecrets secrets) {
    int length = cookie.length();
    if (length < 1 + 4 + CookieSecrets.MAC_LENGTH || length > 2048) {
      return null;
    }
    byte[] raw = cookie.toByteArray();
    int bodyLength = length - CookieSecrets.MAC_LENGTH;
    ByteBuffer b = ByteBuffer.wrap(raw, 0, bodyLength);
    try {
      if (b.get() != VERSION) {
        return null;
      }
      int generation = b.getInt();
      byte[] expected = secrets.mac(generation, raw, bodyLength);
      byte[] received = new byte[CookieSecrets.MAC_LENGTH];
      System.arraycopy(raw, bodyLength, received, 0, received.length);
      if (!CookieSecrets.matches(expected, received)) {
        return null;
      }
      long createdAt = b.getLong();
      long lifetime = b.getLong();
      int localTag = b.getInt();
      int peerTag = b.getInt();
      int localTsn = b.getInt();
      int peerTsn = b.getInt();
      long peerRwnd = Integer.toUnsignedLong(b.getInt());
      int out = b.getShort() & 0xFFFF;
      int in = b.getShort() & 0xFFFF;
      int localTie = b.getInt();
      int peerTie = b.getInt();
      int peerPort = b.getShort() & 0xFFFF;
      int sourceIndex = b.get();
      InetAddress local = getAddress(b);
      int count = b.get() & 0xFF;
      List<InetAddress> peers = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        peers.add(getAddress(b));
      }
      int auth = b.get();
      Extensions extensions = Extensions.ofBits(auth & ~(LOCAL_AUTH | PEER_AUTH));
      AuthParameters localAuth = (auth & LOCAL_AUTH) != 0 ? AuthParameters.readFrom(b) : null;
      AuthParameters peerAuth = (auth & PEER_AUTH) != 0 ? AuthParameters.readFrom(b) : null;
      if (sourceIndex < 0 || sourceIndex >= peers.size() || b.hasRemaining()) {
        return null;
      }
      return new StateCookie(
          createdAt, lifetime, localTag, peerTag, localTsn, peerTsn, peerRwnd, out, in, localTie,
          peerTie, peerPort, peers, peers.get(sourceIndex), local, extensions, localAuth,
          peerAuth);
    } catch (BufferUnderflowException | UnknownHostException e) {
      return null;
    }
  }

  private static InetAddress getAddress(ByteBuffer b) throws UnknownHostException {
    int len = b.get() & 0xFF;
    if (len != 4 && len != 16) {
      throw new UnknownHostException("bad address length " + len);
    }
    byte[] raw = new byte[len];
    b.get(raw);
    return InetAddress.getByAddress(raw);
  }
}
