/**
 * The values of the structured socket options of {@link org.jsctp.netty.SctpStandardSocketOptions},
 * one record per option, named after the RFC 6458 structures they mirror. Each record checks its
 * fields when it is built and names the option, the field and the allowed range when it refuses a
 * value. Read-only options ({@link org.jsctp.api.AssociationStatus}, {@link
 * org.jsctp.api.PeerAddressInfo}) are only ever returned.
 */
package org.jsctp.netty.option;
