package org.jsctp.association;

import java.net.InetAddress;
import org.jsctp.wire.AddIpAddressParameter;
import org.jsctp.wire.DeleteIpAddressParameter;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.SetPrimaryAddressParameter;

/**
 * One request of ours to the peer (RFC 5061 section 4.2): add, delete or make primary one of our
 * addresses, with the correlation ID that matches its answer in the ASCONF-ACK.
 *
 * @param kind what is asked
 * @param address our address it is about
 * @param correlationId the ASCONF-Request Correlation ID
 */
record AsconfRequest(Kind kind, InetAddress address, int correlationId) {

  /** The kinds of request. */
  enum Kind {
    ADD,
    DELETE,
    SET_PRIMARY
  }

  /** The request as it goes in the ASCONF chunk. */
  Parameter parameter() {
    Parameter address = AddressParameters.of(this.address);
    return switch (kind) {
      case ADD -> new AddIpAddressParameter(correlationId, address);
      case DELETE -> new DeleteIpAddressParameter(correlationId, address);
      case SET_PRIMARY -> new SetPrimaryAddressParameter(correlationId, address);
    };
  }
}
