package org.jsctp.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a short command to completion with a timeout and returns its exit code and output.
 *
 * <p>For the long-running programs of a test (peers, captures) see {@link Proc}.
 */
final class Cmd {

  /** What a finished command printed and returned. */
  record Result(List<String> command, int exitCode, String stdout, String stderr) {
    boolean ok() {
      return exitCode == 0;
    }

    /** The result itself when the exit code is 0, otherwise an exception with all output. */
    Result check() {
      if (exitCode != 0) {
        throw new IllegalStateException(describe());
      }
      return this;
    }

    String describe() {
      return String.join(" ", command)
          + " exited with "
          + exitCode
          + (stdout.isBlank() ? "" : "\nstdout: " + stdout.strip())
          + (stderr.isBlank() ? "" : "\nstderr: " + stderr.strip());
    }
  }

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private Cmd() {}

  static Result run(String... command) {
    return run(DEFAULT_TIMEOUT, List.of(command));
  }

  static Result run(List<String> command) {
    return run(DEFAULT_TIMEOUT, command);
  }

  /** Runs {@code command}; kills it and throws when it takes longer than {@code timeout}. */
  static Result run(Duration timeout, List<String> command) {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
    }
    try {
      p.getOutputStream().close();
      CompletableFuture<String> out = slurp(p.getInputStream());
      CompletableFuture<String> err = slurp(p.getErrorStream());
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        throw new IllegalStateException(
            String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
      }
      return new Result(
          List.copyOf(command),
          p.exitValue(),
          out.get(5, TimeUnit.SECONDS),
          err.get(5, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
    } catch (IOException | ExecutionException | TimeoutException e) {
      p.destroyForcibly();
      throw new IllegalStateException("cannot read the output of " + String.join(" ", command), e);
    }
  }

  private static CompletableFuture<String> slurp(InputStream in) {
    CompletableFuture<String> f = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try (in) {
                f.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                f.completeExceptionally(e);
              }
            },
            "cmd-output");
    t.setDaemon(true);
    t.start();
    return f;
  }
}
