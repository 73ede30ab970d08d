package org.jsctp.examples;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.jsctp.netty.AssociationChangeNotification;
import org.jsctp.netty.HandlerResult;
import org.jsctp.netty.Notification;
import org.jsctp.netty.NotificationHandler;
import org.jsctp.netty.PeerAddressChangeNotification;
import org.jsctp.netty.RemoteErrorNotification;
import org.jsctp.netty.SendFailedNotification;
import org.jsctp.netty.ShutdownNotification;

/**
 * Prints one line per association or path event, with the milliseconds since {@code start}: {@code
 * +1234ms path 127.0.0.2:9899 ACTIVE -> PF}. Path lines show the peer IP with its UDP port and the
 * state before and after.
 */
final class Events implements NotificationHandler<Void> {

  private final PrintStream out;
  private final long start;
  private final Map<String, String> states = new HashMap<>();

  Events(PrintStream out, long start) {
    this.out = out;
    this.start = start;
  }

  void line(String text) {
    synchronized (out) {
      out.printf("+%dms %s%n", (System.nanoTime() - start) / 1_000_000, text);
      out.flush();
    }
  }

  @Override
  public HandlerResult handleNotification(Notification n, Void attachment) {
    if (n instanceof AssociationChangeNotification c) {
      line(
          "association "
              + c.association().associationID()
              + " "
              + c.event()
              + (c.event() == AssociationChangeNotification.AssocChangeEvent.COMM_UP
                  ? " streams out="
                      + c.association().maxOutboundStreams()
                      + " in="
                      + c.association().maxInboundStreams()
                  : "")
              + (c.causes().isEmpty() ? "" : " causes=" + c.causes()));
    } else if (n instanceof PeerAddressChangeNotification p) {
      String key = ip(p.address()) + ":" + p.udpPort();
      if (p.event() == PeerAddressChangeNotification.AddressChangeEvent.ADDR_MADE_PRIMARY) {
        line("path " + key + " made primary");
      } else {
        String to = state(p.event());
        // Addresses start ACTIVE (given by the application) or UNCONFIRMED (learned from the peer,
        // which is what a confirmation event says); one the peer adds (ADD-IP) was none before.
        String from = switch (p.event()) {
          case ADDR_CONFIRMED -> "UNCONFIRMED";
          case ADDR_ADDED -> "NONE";
          default -> states.getOrDefault(key, "ACTIVE");
        };
        states.put(key, to);
        line("path " + key + " " + from + " -> " + to);
      }
    } else if (n instanceof SendFailedNotification f) {
      line(
          "association "
              + f.association().associationID()
              + " send failed: "
              + f.buffer().remaining()
              + " bytes on stream "
              + f.streamNumber()
              + " ("
              + f.reason()
              + ")");
    } else if (n instanceof ShutdownNotification s) {
      line("association " + s.association().associationID() + " SHUTDOWN received");
    } else if (n instanceof RemoteErrorNotification e) {
      line("association " + e.association().associationID() + " remote error " + e.causes());
    }
    return HandlerResult.CONTINUE;
  }

  static String ip(SocketAddress a) {
    return a instanceof InetSocketAddress isa
        ? isa.getAddress().getHostAddress()
        : String.valueOf(a);
  }

  static String state(PeerAddressChangeNotification.AddressChangeEvent e) {
    return switch (e) {
      case ADDR_AVAILABLE, ADDR_CONFIRMED -> "ACTIVE";
      case ADDR_ADDED -> "UNCONFIRMED";
      case ADDR_UNREACHABLE -> "INACTIVE";
      case ADDR_POTENTIALLY_FAILED -> "PF";
      case ADDR_REMOVED -> "REMOVED";
      case ADDR_MADE_PRIMARY -> "PRIMARY";
    };
  }
}
