package org.jsctp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Byte-array helpers for the codec tests: annotated arrays in, packets and reasons out. */
final class WireTestSupport {

  static final int SOURCE_PORT = 5000;
  static final int DESTINATION_PORT = 5001;
  static final int VERIFICATION_TAG = 0x01020304;

  private WireTestSupport() {}

  /** An array from int literals, so that 0xFF needs no cast. */
  static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  static byte[] concat(byte[]... parts) {
    int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    ByteBuffer out = ByteBuffer.allocate(n);
    for (byte[] p : parts) {
      out.put(p);
    }
    return out.array();
  }

  /**
   * A packet with the test header (ports 5000 -> 5001, tag 0x01020304), the given chunk bytes as
   * they are, and a good CRC.
   */
  static byte[] packetOf(byte[]... chunks) {
    byte[] packet =
        concat(bytes(0x13, 0x88, 0x13, 0x89, 0x01, 0x02, 0x03, 0x04, 0, 0, 0, 0), concat(chunks));
    Crc32c.write(packet, 0, packet.length);
    return packet;
  }

  /** Decodes a packet holding exactly the given chunk and returns that chunk. */
  static Chunk decodeChunk(byte[] chunk) throws WireFormatException {
    SctpPacket packet = SctpPacket.decode(packetOf(chunk));
    assertThat(packet.chunks()).hasSize(1);
    return packet.chunks().get(0);
  }

  /** Encodes a chunk alone, checking it advances the buffer by exactly its padded length. */
  static byte[] encode(Chunk chunk) {
    ByteBuffer out = ByteBuffer.allocate(chunk.paddedLength() + 8);
    chunk.writeTo(out);
    assertThat(out.position()).isEqualTo(chunk.paddedLength());
    return Arrays.copyOf(out.array(), out.position());
  }

  static byte[] encode(Parameter parameter) {
    ByteBuffer out = ByteBuffer.allocate(parameter.paddedLength() + 8);
    parameter.writeTo(out);
    assertThat(out.position()).isEqualTo(parameter.paddedLength());
    return Arrays.copyOf(out.array(), out.position());
  }

  static byte[] encode(ErrorCause cause) {
    ByteBuffer out = ByteBuffer.allocate(cause.paddedLength() + 8);
    cause.writeTo(out);
    assertThat(out.position()).isEqualTo(cause.paddedLength());
    return Arrays.copyOf(out.array(), out.position());
  }

  /**
   * A HEARTBEAT chunk around one parameter given with its padding; the chunk Length leaves the
   * padding out.
   */
  static byte[] inHeartbeat(byte[] parameter) {
    int length = 4 + ((parameter[2] & 0xFF) << 8 | (parameter[3] & 0xFF));
    return concat(bytes(0x04, 0x00, length >>> 8, length & 0xFF), parameter);
  }

  /**
   * An ERROR chunk around one cause given with its padding; the chunk Length leaves the padding
   * out.
   */
  static byte[] inError(byte[] cause) {
    int length = 4 + ((cause[2] & 0xFF) << 8 | (cause[3] & 0xFF));
    return concat(bytes(0x09, 0x00, length >>> 8, length & 0xFF), cause);
  }

  static Parameter decodeParameter(byte[] parameter) throws WireFormatException {
    HeartbeatChunk chunk = (HeartbeatChunk) decodeChunk(inHeartbeat(parameter));
    assertThat(chunk.parameters()).hasSize(1);
    return chunk.parameters().get(0);
  }

  static ErrorCause decodeCause(byte[] cause) throws WireFormatException {
    ErrorChunk chunk = (ErrorChunk) decodeChunk(inError(cause));
    assertThat(chunk.causes()).hasSize(1);
    return chunk.causes().get(0);
  }

  /** The reason a packet is refused with, failing if it decodes. */
  static WireFormatException.Reason failure(byte[] packet) {
    WireFormatException e =
        catchThrowableOfType(WireFormatException.class, () -> SctpPacket.decode(packet));
    assertThat(e).as("decoding should fail").isNotNull();
    return e.reason();
  }

  static WireFormatException.Reason chunkFailure(byte[] chunk) {
    return failure(packetOf(chunk));
  }

  /** Reads a hex test resource; lines starting with '#' are comments. */
  static byte[] resourceHex(String name) throws IOException {
    try (InputStream in = WireTestSupport.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      String hex = text.lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining());
      return Bytes.fromHex(hex).toByteArray();
    }
  }
}
