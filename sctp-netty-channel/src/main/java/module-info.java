/**
 * Netty's SCTP channel interfaces on jsctp: {@link org.jsctp.netty.channel.JsctpSctpChannel} and
 * {@link org.jsctp.netty.channel.JsctpSctpServerChannel} implement {@code
 * io.netty.channel.sctp.SctpChannel} and {@code SctpServerChannel} on jsctp, SCTP over UDP as RFC
 * 6951 defines it, so that a Netty SCTP application runs where the kernel has no SCTP, changing
 * only the channel class it bootstraps.
 */
module org.jsctp.netty.channel {
  requires transitive org.jsctp.netty;
  requires transitive io.netty.transport;
  requires transitive io.netty.transport.sctp;
  requires transitive jdk.sctp;
  // netty-transport-sctp is an automatic module: its codec handlers (SctpMessageCompletionHandler,
  // the byte-stream handlers) extend io.netty.codec's classes, which only resolve on the module
  // path when some module requires it.
  requires transitive io.netty.codec;
  requires io.netty.buffer;
  requires io.netty.common;

  exports org.jsctp.netty.channel;
}
