package org.jsctp.association;

import java.util.List;
import org.jsctp.api.AuthenticationEvent;

/**
 * The AUTH socket options of a live association (RFC 6458 sections 8.1.20 to 8.3.5, RFC 4895):
 * its endpoint pair shared keys, which one is used for sending, and what each side asked to be
 * authenticated. A key set here belongs to this association alone (its copy of the endpoint's
 * keys, taken when it was created); chunks are authenticated with the new key from the next
 * packet on.
 *
 * <p>Like the association, not thread-safe: call it on the endpoint's thread.
 */
public final class LiveAuthOptions {

  private final SctpAssociation a;

  LiveAuthOptions(SctpAssociation a) {
    this.a = a;
  }

  private SharedKeys keys() {
    return a.options.auth().keys();
  }

  private Authentication auth() {
    Tcb tcb = a.tcb();
    return tcb == null ? Authentication.OFF : tcb.auth;
  }

  /**
   * SCTP_AUTH_KEY (RFC 6458 section 8.1.20): sets key {@code keyNumber}, replacing one of that
   * number.
   *
   * @throws IllegalArgumentException for a number outside 0..65535 or a key over 65535 bytes
   */
  public void setKey(int keyNumber, byte[] key) {
    keys().set(keyNumber, key);
    a.touch();
  }

  /**
   * SCTP_AUTH_ACTIVE_KEY (RFC 6458 section 8.1.23): chunks are sent authenticated with key {@code
   * keyNumber} from the next packet on.
   *
   * @throws IllegalArgumentException for a key that does not exist or was deactivated
   */
  public void setActiveKey(int keyNumber) {
    keys().activate(keyNumber);
    a.touch();
  }

  /** SCTP_AUTH_ACTIVE_KEY as it stands. */
  public int activeKey() {
    return keys().active();
  }

  /**
   * SCTP_AUTH_DEACTIVATE_KEY (RFC 6458 section 8.3.4): key {@code keyNumber} is no longer used
   * for sending; chunks the peer authenticates with it are still taken until it is deleted.
   * Packets are built when sent, so none is left that uses the key: SCTP_AUTH_FREE_KEY follows at
   * once.
   *
   * @throws IllegalArgumentException for a key that does not exist or is the active one
   */
  public void deactivateKey(int keyNumber) {
    keys().deactivate(keyNumber);
    a.components.emit(new AuthenticationEvent(a.id(), AuthenticationEvent.Indication.FREE_KEY,
        keyNumber));
    a.touch();
  }

  /**
   * SCTP_AUTH_DELETE_KEY (RFC 6458 section 8.3.5): forgets key {@code keyNumber}; chunks the peer
   * authenticates with it are discarded from now on.
   *
   * @throws IllegalArgumentException for a key that does not exist or is the active one
   */
  public void deleteKey(int keyNumber) {
    keys().delete(keyNumber);
    a.touch();
  }

  /** The key numbers this association has, ascending. */
  public List<Integer> keyNumbers() {
    return keys().ids();
  }

  /** Whether AUTH was negotiated: both sides offered it. */
  public boolean negotiated() {
    return auth().negotiated();
  }

  /**
   * SCTP_PEER_AUTH_CHUNKS (RFC 6458 section 8.2.7): the chunk types the peer asked to receive
   * authenticated, as it listed them; empty without AUTH.
   */
  public List<Integer> peerChunks() {
    AuthParameters peer = auth().peer();
    return peer == null || peer.chunkTypes() == null ? List.of() : peer.chunkTypes();
  }

  /**
   * SCTP_LOCAL_AUTH_CHUNKS (RFC 6458 section 8.2.8): the chunk types this side asked to receive
   * authenticated, as it listed them; before the handshake, what it will list.
   */
  public List<Integer> localChunks() {
    AuthParameters local = auth().local();
    if (local == null) {
      return a.options.auth().supported() ? a.options.auth().chunkList() : List.of();
    }
    return local.chunkTypes() == null ? List.of() : local.chunkTypes();
  }

  /**
   * The HMAC identifier this side sends with: the first of the peer's list it implements (RFC
   * 4895 section 6.1; SCTP_SEND_HMAC_IDENT of the RFC 4895 revision); 0 without AUTH.
   */
  public int sendHmacIdent() {
    HmacAlgorithm algorithm = auth().sendAlgorithm();
    return algorithm == null ? 0 : algorithm.id();
  }
}
