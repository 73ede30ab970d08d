package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_AUTH_ACTIVE_KEY;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_AUTH_CHUNK;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_AUTH_DEACTIVATE_KEY;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_AUTH_DELETE_KEY;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_AUTH_KEY;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_AUTH_SUPPORTED;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_HMAC_IDENT;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_LOCAL_AUTH_CHUNKS;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_PEER_AUTH_CHUNKS;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsctp.api.AuthenticationEvent;
import org.jsctp.netty.option.AuthChunks;
import org.jsctp.netty.option.AuthKey;
import org.jsctp.netty.option.HmacIdents;
import org.jsctp.wire.ChunkType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * AUTH (RFC 4895) through the channel API over loopback: the socket options of RFC 6458 sections
 * 8.1.20 to 8.3.5, a key shared by both sides, the notifications, a key rotation, and keys that
 * never show up in a string.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AuthOptionsTest {

  private static final byte[] SECRET = "a shared secret".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NEXT = "the next secret".getBytes(StandardCharsets.US_ASCII);

  SctpStack serverStack;
  SctpStack clientStack;
  SctpServerChannel listener;
  SctpChannel client;
  SctpChannel accepted;

  @AfterEach
  void stop() {
    if (clientStack != null) {
      clientStack.close();
    }
    if (serverStack != null) {
      serverStack.close();
    }
  }

  private void connect(boolean clientAuth) throws Exception {
    serverStack = Loopback.stack();
    clientStack = Loopback.stack();
    listener = Loopback.server(serverStack);
    listener.setOption(SCTP_AUTH_SUPPORTED, true);
    listener.setOption(SCTP_AUTH_CHUNK, ChunkType.DATA);
    listener.setOption(SCTP_AUTH_KEY, new AuthKey(1, SECRET));
    listener.setOption(SCTP_AUTH_ACTIVE_KEY, 1);
    InetSocketAddress server = Loopback.address(listener);
    client = Loopback.client(clientStack, listener);
    if (clientAuth) {
      client.setOption(SCTP_AUTH_SUPPORTED, true);
      client.setOption(SCTP_AUTH_CHUNK, ChunkType.SACK);
      client.setOption(SCTP_HMAC_IDENT, HmacIdents.of(HmacIdents.SHA_1));
      client.setOption(SCTP_AUTH_KEY, new AuthKey(1, SECRET));
      client.setOption(SCTP_AUTH_ACTIVE_KEY, 1);
    }
    client.connect(List.of(server), Duration.ofSeconds(10));
    accepted = listener.accept(Duration.ofSeconds(10));
  }

  /**
   * Sends {@code text} and receives it on {@code to}, adding the authentication notifications the
   * receiver meets on the way to {@code seen}.
   */
  private static String roundTrip(SctpChannel from, SctpChannel to, String text,
      List<AuthenticationNotification> seen) throws Exception {
    from.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)),
        MessageInfo.createOutgoing(null, 0));
    ByteBuffer buf = ByteBuffer.allocate(1_000);
    MessageInfo info = to.receive(buf, seen, (n, list) -> {
      if (n instanceof AuthenticationNotification a) {
        list.add(a);
      }
      return HandlerResult.CONTINUE;
    }, Duration.ofSeconds(5));
    assertThat(info).isNotNull();
    return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
  }

  private static AuthenticationNotification note(SctpChannel ch,
      AuthenticationEvent.Indication indication, int key) throws Exception {
    return new AuthenticationNotification(ch.association(), indication, key);
  }

  @Test
  void rfc6458_8_1_20_bothSidesWithAKeyExchangeAuthenticatedDataWithTheHmacEachAskedFor()
      throws Exception {
    connect(true);
    assertThat(client.getOption(SCTP_AUTH_SUPPORTED)).isTrue();
    assertThat(accepted.getOption(SCTP_AUTH_SUPPORTED)).isTrue();
    assertThat(client.getOption(SCTP_PEER_AUTH_CHUNKS).chunkTypes()).contains(ChunkType.DATA);
    assertThat(accepted.getOption(SCTP_PEER_AUTH_CHUNKS).chunkTypes()).contains(ChunkType.SACK);
    assertThat(client.getOption(SCTP_LOCAL_AUTH_CHUNKS).chunkTypes())
        .containsExactly(ChunkType.SACK, ChunkType.ASCONF_ACK, ChunkType.ASCONF);
    assertThat(client.getOption(SCTP_HMAC_IDENT)).isEqualTo(HmacIdents.of(1));
    assertThat(accepted.getOption(SCTP_AUTH_ACTIVE_KEY)).isEqualTo(1);
    SctpChannelImpl impl = (SctpChannelImpl) accepted;
    assertThat(impl.handle().core.options().auth().sendHmacIdent()).isEqualTo(HmacIdents.SHA_1);
    assertThat(((SctpChannelImpl) client).handle().core.options().auth().sendHmacIdent())
        .isEqualTo(HmacIdents.SHA_256);

    List<AuthenticationNotification> server = new ArrayList<>();
    List<AuthenticationNotification> clientSide = new ArrayList<>();
    assertThat(roundTrip(client, accepted, "hello", server)).isEqualTo("hello");
    assertThat(roundTrip(accepted, client, "world", clientSide)).isEqualTo("world");
    assertThat(server).containsExactly(
        note(accepted, AuthenticationEvent.Indication.NEW_KEY, 1));
    assertThat(clientSide).containsExactly(
        note(client, AuthenticationEvent.Indication.NEW_KEY, 1));
  }

  @Test
  void rfc6458_8_3_aKeyIsRotatedOnALiveAssociationWithoutLosingAMessage() throws Exception {
    connect(true);
    List<AuthenticationNotification> server = new ArrayList<>();
    List<AuthenticationNotification> clientSide = new ArrayList<>();
    assertThat(roundTrip(client, accepted, "before", server)).isEqualTo("before");
    accepted.setOption(SCTP_AUTH_KEY, new AuthKey(2, NEXT));
    client.setOption(SCTP_AUTH_KEY, new AuthKey(2, NEXT));
    client.setOption(SCTP_AUTH_ACTIVE_KEY, 2);
    assertThat(roundTrip(client, accepted, "during", server)).isEqualTo("during");
    client.setOption(SCTP_AUTH_DEACTIVATE_KEY, 1);
    accepted.setOption(SCTP_AUTH_ACTIVE_KEY, 2);
    accepted.setOption(SCTP_AUTH_DEACTIVATE_KEY, 1);
    accepted.setOption(SCTP_AUTH_DELETE_KEY, 1);
    client.setOption(SCTP_AUTH_DELETE_KEY, 1);
    assertThat(roundTrip(client, accepted, "after", server)).isEqualTo("after");
    assertThat(roundTrip(accepted, client, "back", clientSide)).isEqualTo("back");
    assertThat(server).containsExactly(
        note(accepted, AuthenticationEvent.Indication.NEW_KEY, 1),
        note(accepted, AuthenticationEvent.Indication.NEW_KEY, 2),
        note(accepted, AuthenticationEvent.Indication.FREE_KEY, 1));
    assertThat(clientSide).contains(
        note(client, AuthenticationEvent.Indication.NEW_KEY, 1),
        note(client, AuthenticationEvent.Indication.FREE_KEY, 1),
        note(client, AuthenticationEvent.Indication.NEW_KEY, 2));
    assertThatThrownBy(() -> client.setOption(SCTP_AUTH_ACTIVE_KEY, 1))
        .hasMessageContaining("no key 1");
  }

  @Test
  void rfc6458_6_1_8_aPeerWithoutAuthIsReportedAndNothingIsAuthenticated() throws Exception {
    connect(false);
    assertThat(accepted.getOption(SCTP_AUTH_SUPPORTED)).isFalse();
    assertThat(accepted.getOption(SCTP_PEER_AUTH_CHUNKS)).isEqualTo(new AuthChunks(List.of()));
    List<AuthenticationNotification> server = new ArrayList<>();
    assertThat(roundTrip(client, accepted, "plain", server)).isEqualTo("plain");
    assertThat(server).containsExactly(
        note(accepted, AuthenticationEvent.Indication.NO_AUTH, 0));
  }

  @Test
  void theOptionsRefuseWhatRfc6458AndRfc4895Refuse() throws Exception {
    serverStack = Loopback.stack();
    listener = Loopback.server(serverStack);
    assertThat(listener.getOption(SCTP_AUTH_SUPPORTED)).isFalse();
    assertThat(listener.getOption(SCTP_LOCAL_AUTH_CHUNKS).chunkTypes()).isEmpty();
    assertThat(listener.supportedOptions()).doesNotContain(SCTP_PEER_AUTH_CHUNKS);
    assertThatThrownBy(() -> listener.setOption(SCTP_AUTH_CHUNK, ChunkType.INIT))
        .hasMessageContaining("never authenticated");
    assertThatThrownBy(() -> listener.setOption(SCTP_AUTH_CHUNK, 300))
        .hasMessageContaining("0..255");
    assertThatThrownBy(() -> listener.setOption(SCTP_HMAC_IDENT, HmacIdents.of(3)))
        .hasMessageContaining("SHA-1");
    assertThatThrownBy(() -> listener.setOption(SCTP_AUTH_ACTIVE_KEY, 4))
        .hasMessageContaining("no key 4");
    assertThatThrownBy(() -> listener.setOption(SCTP_AUTH_DELETE_KEY, 0))
        .hasMessageContaining("active key");
    assertThatThrownBy(() -> listener.getOption(SCTP_AUTH_KEY))
        .hasMessageContaining("write-only");
    assertThatThrownBy(() -> new AuthKey(70_000, SECRET)).hasMessageContaining("0..65535");
  }

  @Test
  void aKeyNeverShowsInAString() {
    AuthKey key = new AuthKey(3, SECRET);
    assertThat(key.toString()).doesNotContain("secret").contains("15 bytes");
    byte[] copy = key.key();
    copy[0] = 'X';
    assertThat(key.key()).isEqualTo(SECRET);
  }
}
