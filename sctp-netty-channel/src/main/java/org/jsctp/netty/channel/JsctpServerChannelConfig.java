package org.jsctp.netty.channel;

import static io.netty.channel.ChannelOption.SO_BACKLOG;
import static io.netty.channel.ChannelOption.SO_RCVBUF;
import static io.netty.channel.ChannelOption.SO_SNDBUF;
import static io.netty.channel.sctp.SctpChannelOption.SCTP_INIT_MAXSTREAMS;

import com.sun.nio.sctp.SctpStandardSocketOptions.InitMaxStreams;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.MessageSizeEstimator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.ServerChannelRecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.sctp.SctpServerChannelConfig;
import io.netty.util.NetUtil;
import java.util.Map;
import org.jsctp.netty.SctpServerChannel;

/**
 * The {@link SctpServerChannelConfig} of a {@link JsctpSctpServerChannel}: the backlog (Netty's
 * default, {@code SOMAXCONN}; beyond it jsctp refuses new associations with an ABORT), and the SCTP
 * options of the jsctp server channel, which the associations it accepts start with.
 */
final class JsctpServerChannelConfig extends DefaultChannelConfig
    implements SctpServerChannelConfig {

  private final OptionBridge.Target options;
  private volatile int backlog = NetUtil.SOMAXCONN;

  JsctpServerChannelConfig(JsctpSctpServerChannel channel, SctpServerChannel ch) {
    super(channel, new ServerChannelRecvByteBufAllocator());
    this.options = OptionBridge.of(ch);
  }

  @Override
  public Map<ChannelOption<?>, Object> getOptions() {
    return getOptions(super.getOptions(), SO_RCVBUF, SO_SNDBUF, SO_BACKLOG, SCTP_INIT_MAXSTREAMS);
  }

  @SuppressWarnings("unchecked")
  @Override
  public <T> T getOption(ChannelOption<T> option) {
    if (option == SO_BACKLOG) {
      return (T) Integer.valueOf(getBacklog());
    }
    if (OptionBridge.jsctpOption(option) != null) {
      return (T) OptionBridge.get(option, options);
    }
    return super.getOption(option);
  }

  @Override
  public <T> boolean setOption(ChannelOption<T> option, T value) {
    validate(option, value);
    if (option == SO_BACKLOG) {
      setBacklog((Integer) value);
    } else if (OptionBridge.jsctpOption(option) != null) {
      OptionBridge.set(option, value, options);
    } else {
      return super.setOption(option, value);
    }
    return true;
  }

  @Override
  public int getBacklog() {
    return backlog;
  }

  /**
   * Sets how many associations may wait to be accepted; read when the channel binds.
   *
   * @throws IllegalArgumentException when negative
   */
  @Override
  public SctpServerChannelConfig setBacklog(int backlog) {
    if (backlog < 0) {
      throw new IllegalArgumentException("backlog: " + backlog + " (expected: >= 0)");
    }
    this.backlog = backlog;
    return this;
  }

  @Override
  public int getSendBufferSize() {
    return getOption(SO_SNDBUF);
  }

  @Override
  public SctpServerChannelConfig setSendBufferSize(int sendBufferSize) {
    setOption(SO_SNDBUF, sendBufferSize);
    return this;
  }

  @Override
  public int getReceiveBufferSize() {
    return getOption(SO_RCVBUF);
  }

  @Override
  public SctpServerChannelConfig setReceiveBufferSize(int receiveBufferSize) {
    setOption(SO_RCVBUF, receiveBufferSize);
    return this;
  }

  @Override
  public InitMaxStreams getInitMaxStreams() {
    return getOption(SCTP_INIT_MAXSTREAMS);
  }

  @Override
  public SctpServerChannelConfig setInitMaxStreams(InitMaxStreams initMaxStreams) {
    setOption(SCTP_INIT_MAXSTREAMS, initMaxStreams);
    return this;
  }

  @Override
  @Deprecated
  public SctpServerChannelConfig setMaxMessagesPerRead(int maxMessagesPerRead) {
    super.setMaxMessagesPerRead(maxMessagesPerRead);
    return this;
  }

  @Override
  public SctpServerChannelConfig setWriteSpinCount(int writeSpinCount) {
    super.setWriteSpinCount(writeSpinCount);
    return this;
  }

  @Override
  public SctpServerChannelConfig setConnectTimeoutMillis(int connectTimeoutMillis) {
    super.setConnectTimeoutMillis(connectTimeoutMillis);
    return this;
  }

  @Override
  public SctpServerChannelConfig setAllocator(ByteBufAllocator allocator) {
    super.setAllocator(allocator);
    return this;
  }

  @Override
  public SctpServerChannelConfig setRecvByteBufAllocator(RecvByteBufAllocator allocator) {
    super.setRecvByteBufAllocator(allocator);
    return this;
  }

  @Override
  public SctpServerChannelConfig setAutoRead(boolean autoRead) {
    super.setAutoRead(autoRead);
    return this;
  }

  @Override
  public SctpServerChannelConfig setAutoClose(boolean autoClose) {
    super.setAutoClose(autoClose);
    return this;
  }

  @Override
  public SctpServerChannelConfig setWriteBufferHighWaterMark(int writeBufferHighWaterMark) {
    super.setWriteBufferHighWaterMark(writeBufferHighWaterMark);
    return this;
  }

  @Override
  public SctpServerChannelConfig setWriteBufferLowWaterMark(int writeBufferLowWaterMark) {
    super.setWriteBufferLowWaterMark(writeBufferLowWaterMark);
    return this;
  }

  @Override
  public SctpServerChannelConfig setWriteBufferWaterMark(
      WriteBufferWaterMark writeBufferWaterMark) {
    super.setWriteBufferWaterMark(writeBufferWaterMark);
    return this;
  }

  @Override
  public SctpServerChannelConfig setMessageSizeEstimator(MessageSizeEstimator estimator) {
    super.setMessageSizeEstimator(estimator);
    return this;
  }
}
