package org.jsctp.association;

import org.jsctp.rx.ReceiverSettings;
import org.jsctp.tx.SenderSettings;

/**
 * The association's options as its sending and receiving halves read them: a live view, so that
 * a change through {@link LiveOptions} reaches them at once.
 */
final class DataHalfSettings implements SenderSettings, ReceiverSettings {

  private final AssociationOptions options;

  DataHalfSettings(AssociationOptions options) {
    this.options = options;
  }

  @Override
  public long sndbuf() {
    return options.sndbuf();
  }

  @Override
  public boolean nodelay() {
    return options.nodelay();
  }

  @Override
  public int maxSegment() {
    return options.maxSegment();
  }

  @Override
  public boolean disableFragments() {
    return options.disableFragments();
  }

  @Override
  public int maxBurst() {
    return options.maxBurst();
  }

  @Override
  public long rcvbuf() {
    return options.rcvbuf();
  }

  @Override
  public long sackDelayNanos() {
    return options.sackDelayNanos();
  }

  @Override
  public int sackFrequency() {
    return options.sackFrequency();
  }

  @Override
  public long partialDeliveryPoint() {
    return options.partialDeliveryPoint();
  }
}
