package org.jsctp.netty.channel;

import com.sun.nio.sctp.AssociationChangeNotification.AssocChangeEvent;
import com.sun.nio.sctp.PeerAddressChangeNotification.AddressChangeEvent;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import org.jsctp.netty.AssociationChangeNotification;
import org.jsctp.netty.Notification;
import org.jsctp.netty.PeerAddressChangeNotification;
import org.jsctp.netty.SendFailedNotification;
import org.jsctp.netty.ShutdownNotification;

/**
 * jsctp's notifications as the {@code com.sun.nio.sctp} ones that Netty's {@code
 * SctpNotificationHandler} fires as user events. The JDK's notification classes have protected
 * constructors for stacks like this one; the events carry the JDK's names, which jsctp's share.
 *
 * <p>What the JDK has no type for stays jsctp's own record: {@link
 * org.jsctp.netty.RemoteErrorNotification}, {@link org.jsctp.netty.SenderDryNotification}, {@link
 * org.jsctp.netty.PartialDeliveryNotification}, and a {@link PeerAddressChangeNotification} with
 * {@code ADDR_POTENTIALLY_FAILED} (RFC 7829).
 */
final class JdkNotifications {

  private JdkNotifications() {}

  /** The user event for {@code n}: a {@code com.sun.nio.sctp.Notification} when the JDK has one. */
  static Object of(Notification n, JdkAssociations associations) {
    com.sun.nio.sctp.Association a = associations.of(n.association());
    if (n instanceof AssociationChangeNotification c) {
      return new AssociationChange(a, AssocChangeEvent.valueOf(c.event().name()));
    }
    if (n instanceof PeerAddressChangeNotification p) {
      if (p.event() == PeerAddressChangeNotification.AddressChangeEvent.ADDR_POTENTIALLY_FAILED) {
        return n;
      }
      return new PeerAddressChange(a, p.address(), AddressChangeEvent.valueOf(p.event().name()));
    }
    if (n instanceof SendFailedNotification f) {
      return new SendFailed(a, f);
    }
    if (n instanceof ShutdownNotification) {
      return new Shutdown(a);
    }
    return n;
  }

  private static final class AssociationChange
      extends com.sun.nio.sctp.AssociationChangeNotification {
    private final com.sun.nio.sctp.Association association;
    private final AssocChangeEvent event;

    AssociationChange(com.sun.nio.sctp.Association association, AssocChangeEvent event) {
      this.association = association;
      this.event = event;
    }

    @Override
    public com.sun.nio.sctp.Association association() {
      return association;
    }

    @Override
    public AssocChangeEvent event() {
      return event;
    }

    @Override
    public String toString() {
      return "AssociationChangeNotification[" + event + ", " + association + "]";
    }
  }

  private static final class PeerAddressChange
      extends com.sun.nio.sctp.PeerAddressChangeNotification {
    private final com.sun.nio.sctp.Association association;
    private final SocketAddress address;
    private final AddressChangeEvent event;

    PeerAddressChange(
        com.sun.nio.sctp.Association association, SocketAddress address, AddressChangeEvent event) {
      this.association = association;
      this.address = address;
      this.event = event;
    }

    @Override
    public SocketAddress address() {
      return address;
    }

    @Override
    public com.sun.nio.sctp.Association association() {
      return association;
    }

    @Override
    public AddressChangeEvent event() {
      return event;
    }

    @Override
    public String toString() {
      return "PeerAddressChangeNotification[" + event + ", " + address + ", " + association + "]";
    }
  }

  /** The data that was not delivered, as jsctp hands it back. */
  private static final class SendFailed extends com.sun.nio.sctp.SendFailedNotification {
    private final com.sun.nio.sctp.Association association;
    private final SendFailedNotification source;

    SendFailed(com.sun.nio.sctp.Association association, SendFailedNotification source) {
      this.association = association;
      this.source = source;
    }

    @Override
    public com.sun.nio.sctp.Association association() {
      return association;
    }

    @Override
    public SocketAddress address() {
      return source.address();
    }

    /** A new read-only view of the undelivered data at each call. */
    @Override
    public ByteBuffer buffer() {
      return source.buffer();
    }

    @Override
    public int errorCode() {
      return source.errorCode();
    }

    @Override
    public int streamNumber() {
      return source.streamNumber();
    }

    @Override
    public String toString() {
      return "SendFailedNotification["
          + source.buffer().remaining()
          + " bytes, stream "
          + source.streamNumber()
          + ", "
          + source.reason()
          + ", "
          + association
          + "]";
    }
  }

  private static final class Shutdown extends com.sun.nio.sctp.ShutdownNotification {
    private final com.sun.nio.sctp.Association association;

    Shutdown(com.sun.nio.sctp.Association association) {
      this.association = association;
    }

    @Override
    public com.sun.nio.sctp.Association association() {
      return association;
    }

    @Override
    public String toString() {
      return "ShutdownNotification[" + association + "]";
    }
  }
}
