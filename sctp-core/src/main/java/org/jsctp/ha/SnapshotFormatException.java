package org.jsctp.ha;

/**
 * A replication blob ({@link SnapshotCodec}) that cannot be read: not one of ours, of a format
 * version this build does not know, corrupted (its CRC32C does not match) or cut short. Nothing
 * of such a blob is applied.
 */
public final class SnapshotFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a blob was refused. */
  public enum Reason {
    /** It does not start with the magic. */
    BAD_MAGIC,
    /** Its format version is not one this build reads. */
    UNSUPPORTED_VERSION,
    /** It holds another kind of blob than asked for (a record where a snapshot was expected). */
    WRONG_KIND,
    /** Its CRC32C does not match its content: corrupted on the way or in storage. */
    BAD_CHECKSUM,
    /** It ends before its content does. */
    TRUNCATED,
    /** Its checksum matches but a field is out of range (written by a broken encoder). */
    MALFORMED
  }

  private final Reason reason;

  public SnapshotFormatException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
