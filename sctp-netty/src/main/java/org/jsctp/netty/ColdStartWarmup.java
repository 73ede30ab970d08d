package org.jsctp.netty;

import io.netty.buffer.ByteBufAllocator;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jsctp.netty.jfr.JfrObserver;

/**
 * Does once per JVM, when a channel that accepts associations binds, what the first handshake it
 * answers would otherwise do on a cold JVM, in front of a waiting peer: load the JDK's
 * SecureRandom and HmacSHA256 (the tags and the state cookie's MAC, RFC 9260 section 5.1.3),
 * initialise Netty's buffer allocator, whose first chunk registers Netty's Flight Recorder events,
 * and register jsctp's own events (the first state change). In class-load logs of a fresh
 * echo-server these took about 80, 100 and 70 ms of its first INIT and COOKIE ECHO. The bind
 * pays them instead, on the caller's thread. Nothing created here is used afterwards: the
 * endpoint draws its keys from its own generator, so no secret and no random sequence changes.
 */
final class ColdStartWarmup {

  private ColdStartWarmup() {}

  /** Runs the warm-up the first time; returns at once afterwards. */
  static void ensure() {
    Done.touch();
  }

  private static final class Done {
    static {
      try {
        new SecureRandom().nextInt();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        mac.doFinal(new byte[64]);
      } catch (GeneralSecurityException | RuntimeException e) {
        // Only a warm-up: the endpoint reports whatever fails when it really needs it.
      }
      ByteBufAllocator.DEFAULT.directBuffer(64).release();
      JfrObserver.registerEvents();
    }

    static void touch() {}
  }
}
