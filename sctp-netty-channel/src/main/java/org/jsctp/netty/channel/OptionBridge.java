package org.jsctp.netty.channel;

import io.netty.channel.ChannelException;
import io.netty.channel.ChannelOption;
import io.netty.channel.sctp.SctpChannelOption;
import java.io.IOException;
import java.util.Map;
import org.jsctp.netty.SctpServerChannel;
import org.jsctp.netty.SctpSocketOption;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.SctpStandardSocketOptions.InitMaxStreams;

/**
 * Netty's channel options on jsctp's socket options. The options Netty names ({@code SO_SNDBUF},
 * {@code SO_RCVBUF}, {@code SO_LINGER} and those of {@link SctpChannelOption}) have the JDK's
 * names, which jsctp's share; only {@code SCTP_INIT_MAXSTREAMS} has a value type of its own on each
 * side. The options of {@link JsctpChannelOption#of} map to themselves. Errors are Netty's: an
 * {@link IOException} becomes a {@link ChannelException}; a bad value stays an {@link
 * IllegalArgumentException} naming the option and its range, an option the channel kind does not
 * have an {@link UnsupportedOperationException}.
 */
final class OptionBridge {

  /** Where a channel's options live: its jsctp channel. */
  static final class Target {
    private final Getter getter;
    private final Setter setter;

    private Target(Getter getter, Setter setter) {
      this.getter = getter;
      this.setter = setter;
    }
  }

  private interface Getter {
    Object get(SctpSocketOption<?> option) throws IOException;
  }

  private interface Setter {
    void set(SctpSocketOption<Object> option, Object value) throws IOException;
  }

  private static final Map<ChannelOption<?>, SctpSocketOption<?>> NETTY =
      Map.of(
          ChannelOption.SO_SNDBUF, SctpStandardSocketOptions.SO_SNDBUF,
          ChannelOption.SO_RCVBUF, SctpStandardSocketOptions.SO_RCVBUF,
          ChannelOption.SO_LINGER, SctpStandardSocketOptions.SO_LINGER,
          SctpChannelOption.SCTP_DISABLE_FRAGMENTS,
              SctpStandardSocketOptions.SCTP_DISABLE_FRAGMENTS,
          SctpChannelOption.SCTP_EXPLICIT_COMPLETE,
              SctpStandardSocketOptions.SCTP_EXPLICIT_COMPLETE,
          SctpChannelOption.SCTP_FRAGMENT_INTERLEAVE,
              SctpStandardSocketOptions.SCTP_FRAGMENT_INTERLEAVE,
          SctpChannelOption.SCTP_INIT_MAXSTREAMS, SctpStandardSocketOptions.SCTP_INIT_MAXSTREAMS,
          SctpChannelOption.SCTP_NODELAY, SctpStandardSocketOptions.SCTP_NODELAY,
          SctpChannelOption.SCTP_PRIMARY_ADDR, SctpStandardSocketOptions.SCTP_PRIMARY_ADDR,
          SctpChannelOption.SCTP_SET_PEER_PRIMARY_ADDR,
              SctpStandardSocketOptions.SCTP_SET_PEER_PRIMARY_ADDR);

  private OptionBridge() {}

  /** The jsctp option behind {@code option}, or null when it is none of jsctp's. */
  static SctpSocketOption<?> jsctpOption(ChannelOption<?> option) {
    SctpSocketOption<?> o = NETTY.get(option);
    return o != null ? o : JsctpChannelOption.jsctpOption(option);
  }

  /** Reads {@code option} (one that {@link #jsctpOption} maps) in Netty's value type. */
  static Object get(ChannelOption<?> option, Target target) {
    Object value;
    try {
      value = target.getter.get(jsctpOption(option));
    } catch (IOException e) {
      throw new ChannelException(e);
    }
    if (option == SctpChannelOption.SCTP_INIT_MAXSTREAMS) {
      InitMaxStreams s = (InitMaxStreams) value;
      return com.sun.nio.sctp.SctpStandardSocketOptions.InitMaxStreams.create(
          s.maxInStreams(), s.maxOutStreams());
    }
    return value;
  }

  /** Sets {@code option} (one that {@link #jsctpOption} maps) from Netty's value type. */
  static void set(ChannelOption<?> option, Object value, Target target) {
    Object v = value;
    if (option == SctpChannelOption.SCTP_INIT_MAXSTREAMS) {
      com.sun.nio.sctp.SctpStandardSocketOptions.InitMaxStreams s =
          (com.sun.nio.sctp.SctpStandardSocketOptions.InitMaxStreams) value;
      v = InitMaxStreams.create(s.maxInStreams(), s.maxOutStreams());
    }
    try {
      target.setter.set(typed(jsctpOption(option)), v);
    } catch (IOException e) {
      throw new ChannelException(e);
    }
  }

  /**
   * Sets on a new jsctp channel what Netty's SCTP channels set on theirs: {@code SCTP_NODELAY} on
   * (jsctp's default, Linux's, is off). On failure, closes the channel.
   *
   * @throws ChannelException when the option cannot be set
   */
  static <C extends java.nio.channels.Channel> C withNettyDefaults(
      C ch, java.util.function.Function<C, Target> options) {
    try {
      set(SctpChannelOption.SCTP_NODELAY, true, options.apply(ch));
      return ch;
    } catch (RuntimeException e) {
      try {
        ch.close();
      } catch (IOException | RuntimeException ignored) {
        // nothing was bound: nothing to report
      }
      throw e instanceof ChannelException ? e : new ChannelException("cannot set SCTP_NODELAY", e);
    }
  }

  /** The options of a one-to-one channel. */
  static Target of(org.jsctp.netty.SctpChannel ch) {
    return new Target(ch::getOption, ch::setOption);
  }

  /** The options of a server channel: what the associations it accepts start with. */
  static Target of(SctpServerChannel ch) {
    return new Target(ch::getOption, ch::setOption);
  }

  /** jsctp checks the value against the option's type and range. */
  @SuppressWarnings("unchecked")
  private static SctpSocketOption<Object> typed(SctpSocketOption<?> option) {
    return (SctpSocketOption<Object>) option;
  }
}
