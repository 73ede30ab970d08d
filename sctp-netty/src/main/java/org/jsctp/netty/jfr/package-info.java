/**
 * JDK Flight Recorder events of the runtime: {@link org.jsctp.netty.jfr.JfrObserver} turns the
 * core's protocol moments into events named {@code org.jsctp.*}. Not exported: the events are read
 * by name from a recording (docs/observability.md lists them), never by class.
 */
package org.jsctp.netty.jfr;
