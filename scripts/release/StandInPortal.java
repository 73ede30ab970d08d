import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for the Central Portal's upload endpoint on loopback, for scripts/check-bundle.sh:
 * the publishing plugin uploads its bundle here instead of to central.sonatype.com. It stores the
 * zip it receives and answers with a deployment id, as the portal does; nothing else of the portal
 * is imitated (the script asks the plugin to wait only until the upload).
 *
 * <p>Usage: {@code java StandInPortal.java PORT_FILE UPLOAD_FILE}. It listens on an ephemeral
 * port of 127.0.0.1, writes the port to PORT_FILE, stores each upload's bundle part in
 * UPLOAD_FILE and runs until killed.
 */
public final class StandInPortal {

  public static void main(String[] args) throws IOException {
    Path portFile = Path.of(args[0]);
    Path uploadFile = Path.of(args[1]);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/publisher/upload", exchange -> upload(exchange, uploadFile));
    server.start();
    Files.writeString(portFile, Integer.toString(server.getAddress().getPort()));
  }

  private static void upload(HttpExchange exchange, Path uploadFile) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    byte[] bundle = type == null ? null : bundlePart(body, type);
    if (bundle == null) {
      respond(exchange, 400, "expected a multipart body with a bundle part");
      return;
    }
    Files.write(uploadFile, bundle);
    respond(exchange, 201, "stand-in-deployment");
  }

  /** The content of the multipart body's first part (the plugin sends only "bundle"). */
  private static byte[] bundlePart(byte[] body, String contentType) {
    int at = contentType.indexOf("boundary=");
    if (at < 0) {
      return null;
    }
    String boundary = contentType.substring(at + "boundary=".length()).replace("\"", "");
    byte[] headersEnd = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] partEnd = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    int start = indexOf(body, headersEnd, 0);
    if (start < 0) {
      return null;
    }
    start += headersEnd.length;
    int end = indexOf(body, partEnd, start);
    if (end < 0) {
      return null;
    }
    byte[] part = new byte[end - start];
    System.arraycopy(body, start, part, 0, part.length);
    return part;
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
