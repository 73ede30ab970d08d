/**
 * SCTP over UDP (RFC 6951) on Netty, with an API shaped like {@code com.sun.nio.sctp}.
 *
 * <p>Start with {@link org.jsctp.netty.SctpStack}: it owns the event loops and the stack
 * configuration. Open {@link org.jsctp.netty.SctpChannel} (one-to-one), {@link
 * org.jsctp.netty.SctpServerChannel} (accepts one-to-one channels) or {@link
 * org.jsctp.netty.SctpMultiChannel} (one-to-many) from it. Messages carry a {@link
 * org.jsctp.netty.MessageInfo}; notifications are the sealed {@link org.jsctp.netty.Notification}
 * types handed to a {@link org.jsctp.netty.NotificationHandler}; options are the type-safe keys of
 * {@link org.jsctp.netty.SctpStandardSocketOptions}. Porting from {@code com.sun.nio.sctp} is
 * mostly a change of imports: see docs/user-guide.md.
 */
package org.jsctp.netty;
