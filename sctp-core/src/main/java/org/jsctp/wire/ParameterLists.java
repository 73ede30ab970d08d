package org.jsctp.wire;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Look-ups over parameter lists shared by the chunks that carry parameters. */
final class ParameterLists {

  private ParameterLists() {}

  static <T extends Parameter> Optional<T> first(List<Parameter> parameters, Class<T> type) {
    for (Parameter p : parameters) {
      if (type.isInstance(p)) {
        return Optional.of(type.cast(p));
      }
    }
    return Optional.empty();
  }

  static <T extends Parameter> List<T> all(List<Parameter> parameters, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Parameter p : parameters) {
      if (type.isInstance(p)) {
        out.add(type.cast(p));
      }
    }
    return List.copyOf(out);
  }

  static List<InetAddress> addresses(List<Parameter> parameters) {
    List<InetAddress> out = new ArrayList<>();
    for (Parameter p : parameters) {
      if (p instanceof Ipv4AddressParameter v4) {
        out.add(v4.address());
      } else if (p instanceof Ipv6AddressParameter v6) {
        out.add(v6.address());
      }
    }
    return List.copyOf(out);
  }
}
