package org.jsctp.netty.channel;

import static io.netty.channel.ChannelOption.SO_RCVBUF;
import static io.netty.channel.ChannelOption.SO_SNDBUF;
import static io.netty.channel.sctp.SctpChannelOption.SCTP_INIT_MAXSTREAMS;
import static io.netty.channel.sctp.SctpChannelOption.SCTP_NODELAY;

import com.sun.nio.sctp.SctpStandardSocketOptions.InitMaxStreams;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.MessageSizeEstimator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.sctp.SctpChannelConfig;
import java.util.Map;
import org.jsctp.netty.SctpChannel;

/**
 * The {@link SctpChannelConfig} of a {@link JsctpSctpChannel}: Netty's settings, and the SCTP
 * options read from and written to the jsctp channel ({@link OptionBridge}).
 */
final class JsctpChannelConfig extends DefaultChannelConfig implements SctpChannelConfig {

  private final OptionBridge.Target options;
  private final Runnable autoReadCleared;

  /** SO_SNDBUF as last read; -1 after any option change, so that the next use reads it again. */
  private volatile int sendBufferLimit = -1;

  JsctpChannelConfig(JsctpSctpChannel channel, SctpChannel ch, Runnable autoReadCleared) {
    super(channel);
    this.options = OptionBridge.of(ch);
    this.autoReadCleared = autoReadCleared;
  }

  /** SO_SNDBUF, for the writer: a cached value, read from jsctp after every option change. */
  int sendBufferLimit() {
    int v = sendBufferLimit;
    if (v < 0) {
      v = (Integer) OptionBridge.get(SO_SNDBUF, options);
      sendBufferLimit = v;
    }
    return v;
  }

  @Override
  public Map<ChannelOption<?>, Object> getOptions() {
    return getOptions(super.getOptions(), SO_RCVBUF, SO_SNDBUF, SCTP_NODELAY, SCTP_INIT_MAXSTREAMS);
  }

  @SuppressWarnings("unchecked")
  @Override
  public <T> T getOption(ChannelOption<T> option) {
    if (OptionBridge.jsctpOption(option) != null) {
      return (T) OptionBridge.get(option, options);
    }
    return super.getOption(option);
  }

  @Override
  public <T> boolean setOption(ChannelOption<T> option, T value) {
    validate(option, value);
    if (OptionBridge.jsctpOption(option) == null) {
      return super.setOption(option, value);
    }
    OptionBridge.set(option, value, options);
    sendBufferLimit = -1;
    return true;
  }

  @Override
  protected void autoReadCleared() {
    autoReadCleared.run();
  }

  @Override
  public boolean isSctpNoDelay() {
    return getOption(SCTP_NODELAY);
  }

  @Override
  public SctpChannelConfig setSctpNoDelay(boolean sctpNoDelay) {
    setOption(SCTP_NODELAY, sctpNoDelay);
    return this;
  }

  @Override
  public int getSendBufferSize() {
    return getOption(SO_SNDBUF);
  }

  @Override
  public SctpChannelConfig setSendBufferSize(int sendBufferSize) {
    setOption(SO_SNDBUF, sendBufferSize);
    return this;
  }

  @Override
  public int getReceiveBufferSize() {
    return getOption(SO_RCVBUF);
  }

  @Override
  public SctpChannelConfig setReceiveBufferSize(int receiveBufferSize) {
    setOption(SO_RCVBUF, receiveBufferSize);
    return this;
  }

  @Override
  public InitMaxStreams getInitMaxStreams() {
    return getOption(SCTP_INIT_MAXSTREAMS);
  }

  @Override
  public SctpChannelConfig setInitMaxStreams(InitMaxStreams initMaxStreams) {
    setOption(SCTP_INIT_MAXSTREAMS, initMaxStreams);
    return this;
  }

  @Override
  public SctpChannelConfig setConnectTimeoutMillis(int connectTimeoutMillis) {
    super.setConnectTimeoutMillis(connectTimeoutMillis);
    return this;
  }

  @Override
  @Deprecated
  public SctpChannelConfig setMaxMessagesPerRead(int maxMessagesPerRead) {
    super.setMaxMessagesPerRead(maxMessagesPerRead);
    return this;
  }

  @Override
  public SctpChannelConfig setWriteSpinCount(int writeSpinCount) {
    super.setWriteSpinCount(writeSpinCount);
    return this;
  }

  @Override
  public SctpChannelConfig setAllocator(ByteBufAllocator allocator) {
    super.setAllocator(allocator);
    return this;
  }

  @Override
  public SctpChannelConfig setRecvByteBufAllocator(RecvByteBufAllocator allocator) {
    super.setRecvByteBufAllocator(allocator);
    return this;
  }

  @Override
  public SctpChannelConfig setAutoRead(boolean autoRead) {
    super.setAutoRead(autoRead);
    return this;
  }

  @Override
  public SctpChannelConfig setAutoClose(boolean autoClose) {
    super.setAutoClose(autoClose);
    return this;
  }

  @Override
  public SctpChannelConfig setWriteBufferHighWaterMark(int writeBufferHighWaterMark) {
    super.setWriteBufferHighWaterMark(writeBufferHighWaterMark);
    return this;
  }

  @Override
  public SctpChannelConfig setWriteBufferLowWaterMark(int writeBufferLowWaterMark) {
    super.setWriteBufferLowWaterMark(writeBufferLowWaterMark);
    return this;
  }

  @Override
  public SctpChannelConfig setWriteBufferWaterMark(WriteBufferWaterMark writeBufferWaterMark) {
    super.setWriteBufferWaterMark(writeBufferWaterMark);
    return this;
  }

  @Override
  public SctpChannelConfig setMessageSizeEstimator(MessageSizeEstimator estimator) {
    super.setMessageSizeEstimator(estimator);
    return this;
  }
}
