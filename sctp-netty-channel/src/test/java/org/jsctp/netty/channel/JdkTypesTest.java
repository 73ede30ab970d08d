package org.jsctp.netty.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.nio.sctp.AssociationChangeNotification.AssocChangeEvent;
import com.sun.nio.sctp.PeerAddressChangeNotification.AddressChangeEvent;
import java.util.Arrays;
import org.jsctp.netty.AssociationChangeNotification;
import org.jsctp.netty.PeerAddressChangeNotification;
import org.junit.jupiter.api.Test;

/**
 * jsctp's notification events carry the JDK's names, which is how {@link JdkNotifications} maps
 * them: every jsctp event has its JDK counterpart, but RFC 7829's ADDR_POTENTIALLY_FAILED, which
 * the JDK lacks and which stays a jsctp notification.
 */
class JdkTypesTest {

  @Test
  void everyAssociationChangeHasItsJdkEvent() {
    for (AssociationChangeNotification.AssocChangeEvent e :
        AssociationChangeNotification.AssocChangeEvent.values()) {
      assertThat(AssocChangeEvent.valueOf(e.name()).name()).isEqualTo(e.name());
    }
  }

  @Test
  void everyAddressChangeButPotentiallyFailedHasItsJdkEvent() {
    for (PeerAddressChangeNotification.AddressChangeEvent e :
        PeerAddressChangeNotification.AddressChangeEvent.values()) {
      boolean inJdk =
          Arrays.stream(AddressChangeEvent.values()).anyMatch(j -> j.name().equals(e.name()));
      assertThat(inJdk)
          .as(e.name())
          .isEqualTo(e != PeerAddressChangeNotification.AddressChangeEvent.ADDR_POTENTIALLY_FAILED);
    }
  }
}
