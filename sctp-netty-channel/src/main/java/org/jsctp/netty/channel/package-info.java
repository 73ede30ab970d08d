/**
 * Netty SCTP channels on jsctp: drop-in replacements for {@code NioSctpChannel} and {@code
 * NioSctpServerChannel}.
 *
 * <p>Pass {@link org.jsctp.netty.channel.JsctpSctpServerChannel} and {@link
 * org.jsctp.netty.channel.JsctpSctpChannel} to {@code .channel(...)}, or their {@code
 * factory(stack)} to {@code .channelFactory(...)} for a stack of your own. The pipelines stay as
 * they are: {@code SctpMessage} in and out, {@code SctpChannelOption}, {@code
 * SctpMessageCompletionHandler}, the byte-stream handlers, and {@code com.sun.nio.sctp}
 * notifications as user events. See docs/netty.md.
 */
package org.jsctp.netty.channel;
