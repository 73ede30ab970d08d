package org.jsctp.examples;

import org.jsctp.netty.Association;
import org.jsctp.netty.MessageInfo;

/**
 * What tells the unfinished messages of a channel apart: with SCTP_FRAGMENT_INTERLEAVE 2 (I-DATA)
 * pieces of messages of different streams of one association interleave, one message at a time
 * per stream and kind (ordered or unordered), RFC 6458 section 8.1.20.
 *
 * @param association the association
 * @param stream the stream
 * @param unordered whether the message is unordered
 */
record MessageKey(Association association, int stream, boolean unordered) {

  /** The message a received piece belongs to. */
  static MessageKey of(MessageInfo info) {
    return new MessageKey(info.association(), info.streamNumber(), info.isUnordered());
  }
}
