package org.jsctp.netty.channel;

import io.netty.channel.ChannelOption;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jsctp.netty.SctpSocketOption;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.option.RemoteUdpEncapsPort;

/**
 * Netty {@link ChannelOption}s for every jsctp socket option, beyond the ones Netty's {@code
 * SctpChannelOption} and {@code ChannelOption} name (which the jsctp channels take as they are).
 *
 * <pre>{@code
 * bootstrap.option(JsctpChannelOption.SCTP_REMOTE_UDP_ENCAPS_PORT, new RemoteUdpEncapsPort(null, 9899))
 *     .option(JsctpChannelOption.of(SctpStandardSocketOptions.SCTP_PEER_ADDR_THLDS),
 *         new PeerAddressThresholds(null, 5, 0, 65535));
 * }</pre>
 *
 * <p>The value types are jsctp's (docs/configuration.md lists every option, its type and default).
 * Options about one peer address are read with {@link JsctpSctpChannel#getPeerOption}.
 *
 * @param <T> the option's value type
 */
public final class JsctpChannelOption<T> extends ChannelOption<T> {

  private static final ConcurrentMap<ChannelOption<?>, SctpSocketOption<?>> JSCTP =
      new ConcurrentHashMap<>();

  /**
   * The local UDP encapsulation port the channel binds (RFC 6951); set before bind, read after it
   * for the port bound. Default: the stack's {@code net.sctp.udp_port} for server channels,
   * ephemeral for client channels.
   */
  public static final ChannelOption<Integer> SCTP_LOCAL_UDP_ENCAPS_PORT =
      of(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT);

  /**
   * The peer's UDP encapsulation port, for one peer address or (with a null address) for every
   * path. Default: the stack's {@code net.sctp.encap_port} (9899).
   */
  public static final ChannelOption<RemoteUdpEncapsPort> SCTP_REMOTE_UDP_ENCAPS_PORT =
      of(SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT);

  @SuppressWarnings({"unused", "deprecation"})
  private JsctpChannelOption() {
    super(null);
  }

  /**
   * The channel option for a jsctp option: the same object for every call with the same option.
   *
   * @param option a constant of {@link SctpStandardSocketOptions}
   */
  public static <T> ChannelOption<T> of(SctpSocketOption<T> option) {
    Objects.requireNonNull(option, "option");
    ChannelOption<T> c = valueOf(JsctpChannelOption.class, option.name());
    JSCTP.putIfAbsent(c, option);
    return c;
  }

  /** The jsctp option behind a channel option made by {@link #of}, or null. */
  static SctpSocketOption<?> jsctpOption(ChannelOption<?> option) {
    return JSCTP.get(option);
  }
}
