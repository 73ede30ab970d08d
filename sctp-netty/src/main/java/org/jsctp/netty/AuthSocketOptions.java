package org.jsctp.netty;

import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_AUTH_ACTIVE_KEY;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_AUTH_CHUNK;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_AUTH_DEACTIVATE_KEY;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_AUTH_DELETE_KEY;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_AUTH_KEY;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_AUTH_SUPPORTED;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_HMAC_IDENT;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_LOCAL_AUTH_CHUNKS;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_PEER_AUTH_CHUNKS;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jsctp.association.AuthOptions;
import org.jsctp.association.LiveAuthOptions;
import org.jsctp.association.SctpAssociation;
import org.jsctp.netty.option.AuthChunks;
import org.jsctp.netty.option.AuthKey;
import org.jsctp.netty.option.HmacIdents;

/**
 * The AUTH socket options (RFC 4895, RFC 6458 sections 8.1.20 to 8.3.5). Whether AUTH is offered,
 * the chunk list and the HMAC identifiers belong to the template of new associations; the keys
 * to the template and, when there is one, to the association, which has its own copy. Run as
 * {@link Options} is, under the channel options' lock. Keys are never logged.
 */
final class AuthSocketOptions {

  /** The options handled here. */
  static final List<SctpSocketOption<?>> ALL =
      List.of(
          SCTP_AUTH_SUPPORTED,
          SCTP_AUTH_CHUNK,
          SCTP_HMAC_IDENT,
          SCTP_AUTH_KEY,
          SCTP_AUTH_ACTIVE_KEY,
          SCTP_AUTH_DEACTIVATE_KEY,
          SCTP_AUTH_DELETE_KEY,
          SCTP_PEER_AUTH_CHUNKS,
          SCTP_LOCAL_AUTH_CHUNKS);

  /** Those that need an association: not on a server channel. */
  static final Set<SctpSocketOption<?>> ASSOCIATION_ONLY = Set.of(SCTP_PEER_AUTH_CHUNKS);

  /** Those that act and cannot be read. */
  static final Set<SctpSocketOption<?>> WRITE_ONLY = Set.of(SCTP_AUTH_CHUNK, SCTP_AUTH_KEY,
      SCTP_AUTH_DEACTIVATE_KEY, SCTP_AUTH_DELETE_KEY);

  private AuthSocketOptions() {}

  static boolean handles(SctpSocketOption<?> name) {
    return ALL.contains(name);
  }

  static void set(SctpSocketOption<?> name, Object value, Options.Target t) {
    AuthOptions template = t.opts().template.auth();
    if (name == SCTP_AUTH_SUPPORTED) {
      template.setSupported((Boolean) value);
    } else if (name == SCTP_AUTH_CHUNK) {
      template.addChunk((Integer) value);
    } else if (name == SCTP_HMAC_IDENT) {
      template.setHmacIdents(((HmacIdents) value).ids());
    } else if (name == SCTP_AUTH_KEY) {
      AuthKey k = (AuthKey) value;
      byte[] key = k.key();
      keys(t, l -> l.setKey(k.keyNumber(), key), o -> o.keys().set(k.keyNumber(), key));
    } else if (name == SCTP_AUTH_ACTIVE_KEY) {
      int n = (Integer) value;
      keys(t, l -> l.setActiveKey(n), o -> o.keys().activate(n));
    } else if (name == SCTP_AUTH_DEACTIVATE_KEY) {
      int n = (Integer) value;
      keys(t, l -> l.deactivateKey(n), o -> o.keys().deactivate(n));
    } else if (name == SCTP_AUTH_DELETE_KEY) {
      int n = (Integer) value;
      keys(t, l -> l.deleteKey(n), o -> o.keys().delete(n));
    } else {
      throw new UnsupportedOperationException(name.name() + " is read-only");
    }
  }

  /**
   * A key option on the association, then on the template, so that a value the association
   * refuses changes neither. The template refuses on its own: a key set on an association alone
   * (one-to-many) is not the template's.
   */
  private static void keys(Options.Target t, Consumer<LiveAuthOptions> live,
      Consumer<AuthOptions> template) {
    SctpAssociation a = t.live();
    if (a != null) {
      live.accept(a.options().auth());
    }
    if (t.template()) {
      template.accept(t.opts().template.auth());
    }
  }

  static Object get(SctpSocketOption<?> name, Options.Target t) {
    AuthOptions template = t.opts().template.auth();
    LiveAuthOptions live = t.live() == null ? null : t.live().options().auth();
    if (name == SCTP_AUTH_SUPPORTED) {
      return live != null ? live.negotiated() : template.supported();
    } else if (name == SCTP_HMAC_IDENT) {
      return new HmacIdents(template.hmacIdents());
    } else if (name == SCTP_AUTH_ACTIVE_KEY) {
      return live != null ? live.activeKey() : template.keys().active();
    } else if (name == SCTP_PEER_AUTH_CHUNKS) {
      return new AuthChunks(Options.live(t, name).options().auth().peerChunks());
    } else if (name == SCTP_LOCAL_AUTH_CHUNKS) {
      if (live != null) {
        return new AuthChunks(live.localChunks());
      }
      return new AuthChunks(template.supported() ? template.chunkList() : List.of());
    }
    throw new UnsupportedOperationException(name.name() + " is write-only, as in RFC 6458");
  }
}
