package org.jsctp.netty;

import java.net.SocketOption;

/**
 * A socket option of an SCTP channel, like {@code com.sun.nio.sctp.SctpSocketOption}: a type-safe
 * key whose value type is {@link #type()}. The options are the constants of {@link
 * SctpStandardSocketOptions}.
 *
 * @param <T> the type of the option's value
 */
public interface SctpSocketOption<T> extends SocketOption<T> {}
