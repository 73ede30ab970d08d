package org.jsctp.netty;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.AssociationReset;
import org.jsctp.api.AuthenticationEvent;
import org.jsctp.api.PartialDeliveryAborted;
import org.jsctp.api.PeerAddressChange;
import org.jsctp.api.RemoteError;
import org.jsctp.api.SctpEvent;
import org.jsctp.api.SendFailed;
import org.jsctp.api.SenderDry;
import org.jsctp.api.StreamChange;
import org.jsctp.api.StreamReset;
import org.jsctp.api.ShutdownReceived;
import org.jsctp.netty.option.EventSubscription;

/**
 * Turns the core's events into the API's notifications, and says which subscription covers each.
 */
final class Notifications {

  private Notifications() {}

  /** The notification for a core event, or null for events that are not notifications. */
  static Notification of(SctpEvent event, AssociationHandle h) {
    if (event instanceof AssociationChange c) {
      return new AssociationChangeNotification(h.api, kind(c.kind()), c.causes());
    } else if (event instanceof PeerAddressChange c) {
      return new PeerAddressChangeNotification(
          h.api,
          new InetSocketAddress(c.address(), h.core.peerPort()),
          kind(c.kind()),
          c.udpPort(),
          c.errorCount());
    } else if (event instanceof SendFailed f) {
      ByteBuffer data = ByteBuffer.wrap(f.data().toByteArray());
      return new SendFailedNotification(
          h.api,
          h.primaryAddress(),
          data,
          0,
          f.streamId(),
          f.payloadProtocolId(),
          f.unordered(),
          f.sent(),
          f.reason(),
          f.cause());
    } else if (event instanceof ShutdownReceived) {
      return new ShutdownNotification(h.api);
    } else if (event instanceof RemoteError e) {
      int code = e.causes().isEmpty() ? 0 : e.causes().get(0).code();
      return new RemoteErrorNotification(h.api, code, e.causes());
    } else if (event instanceof SenderDry) {
      return new SenderDryNotification(h.api);
    } else if (event instanceof PartialDeliveryAborted a) {
      return new PartialDeliveryNotification(
          h.api, a.streamId(), a.streamSequenceNumber(), a.unordered());
    } else if (event instanceof StreamReset r) {
      return new StreamResetNotification(
          h.api, r.incoming(), r.outgoing(), r.denied(), r.failed(), r.streams());
    } else if (event instanceof AssociationReset r) {
      return new AssocResetNotification(h.api, r.denied(), r.failed(), r.localTsn(), r.remoteTsn());
    } else if (event instanceof StreamChange c) {
      return new StreamChangeNotification(
          h.api, c.denied(), c.failed(), c.inboundStreams(), c.outboundStreams());
    } else if (event instanceof AuthenticationEvent a) {
      return new AuthenticationNotification(h.api, a.indication(), a.keyNumber());
    }
    return null;
  }

  /** Whether a subscription lets the notification through. */
  static boolean subscribed(EventSubscription s, Notification n) {
    if (n instanceof AssociationChangeNotification) {
      return s.association();
    } else if (n instanceof PeerAddressChangeNotification) {
      return s.address();
    } else if (n instanceof SendFailedNotification) {
      return s.sendFailure();
    } else if (n instanceof ShutdownNotification) {
      return s.shutdown();
    } else if (n instanceof RemoteErrorNotification) {
      return s.peerError();
    } else if (n instanceof PartialDeliveryNotification) {
      return s.partialDelivery();
    } else if (n instanceof StreamResetNotification) {
      return s.streamReset();
    } else if (n instanceof AssocResetNotification) {
      return s.associationReset();
    } else if (n instanceof StreamChangeNotification) {
      return s.streamChange();
    } else if (n instanceof AuthenticationNotification) {
      return s.authentication();
    } else {
      return s.senderDry();
    }
  }

  static AssociationChangeNotification.AssocChangeEvent kind(AssociationChange.Kind k) {
    return switch (k) {
      case COMM_UP -> AssociationChangeNotification.AssocChangeEvent.COMM_UP;
      case COMM_LOST -> AssociationChangeNotification.AssocChangeEvent.COMM_LOST;
      case RESTART -> AssociationChangeNotification.AssocChangeEvent.RESTART;
      case SHUTDOWN_COMP -> AssociationChangeNotification.AssocChangeEvent.SHUTDOWN;
      case CANT_STR_ASSOC -> AssociationChangeNotification.AssocChangeEvent.CANT_START;
    };
  }

  static PeerAddressChangeNotification.AddressChangeEvent kind(PeerAddressChange.Kind k) {
    return switch (k) {
      case ADDR_AVAILABLE -> PeerAddressChangeNotification.AddressChangeEvent.ADDR_AVAILABLE;
      case ADDR_UNREACHABLE -> PeerAddressChangeNotification.AddressChangeEvent.ADDR_UNREACHABLE;
      case ADDR_REMOVED -> PeerAddressChangeNotification.AddressChangeEvent.ADDR_REMOVED;
      case ADDR_ADDED -> PeerAddressChangeNotification.AddressChangeEvent.ADDR_ADDED;
      case ADDR_MADE_PRIM -> PeerAddressChangeNotification.AddressChangeEvent.ADDR_MADE_PRIMARY;
      case ADDR_CONFIRMED -> PeerAddressChangeNotification.AddressChangeEvent.ADDR_CONFIRMED;
      case ADDR_POTENTIALLY_FAILED ->
          PeerAddressChangeNotification.AddressChangeEvent.ADDR_POTENTIALLY_FAILED;
    };
  }
}
