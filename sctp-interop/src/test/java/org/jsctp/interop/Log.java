package org.jsctp.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records what a case showed (numbers for docs/interop.md): into the test's directory, into {@code
 * target/interop/results.txt} for the whole run, and onto stdout.
 */
final class Log {

  private static boolean started;

  private Log() {}

  static synchronized void record(Path testDir, String text) {
    String line = Env.baseDir().relativize(testDir) + ": " + text + "\n";
    System.out.print(line);
    try {
      Files.writeString(
          testDir.resolve("result.txt"),
          text + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      if (!started) {
        started = true;
        Files.deleteIfExists(Env.baseDir().resolve("results.txt"));
      }
      Files.writeString(
          Env.baseDir().resolve("results.txt"),
          line,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
