package org.jsctp.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long-running program of a test (a peer, a capture) with its output kept in memory and in log
 * files, waits with timeouts, and a guaranteed stop.
 *
 * <p>Commands normally start with {@code ip netns exec NS}, which execs the program in place, so
 * {@link #pid()} is the program itself. Every started process is registered so that the shutdown
 * hook of {@link NetNs} can stop whatever a failed or killed test left behind.
 */
final class Proc implements AutoCloseable {

  private static final Set<Proc> LIVE = ConcurrentHashMap.newKeySet();

  private final String name;
  private final List<String> command;
  private final Process process;
  private final Path stdoutLog;
  private final Path stderrLog;
  private final List<String> stdout = new ArrayList<>();
  private final List<String> stderr = new ArrayList<>();
  private final Thread outPump;
  private final Thread errPump;

  private Proc(String name, List<String> command, Process process, Path logDir) {
    this.name = name;
    this.command = List.copyOf(command);
    this.process = process;
    this.stdoutLog = logDir.resolve(name + ".out");
    this.stderrLog = logDir.resolve(name + ".err");
    this.outPump = pump(process.getInputStream(), stdout, stdoutLog);
    this.errPump = pump(process.getErrorStream(), stderr, stderrLog);
  }

  /**
   * Starts {@code command}; its output goes to {@code logDir/name.out} and {@code name.err}. Stdin
   * stays open for {@link #stdin()} when {@code keepStdin}, otherwise it is closed at once.
   */
  static Proc start(String name, Path logDir, List<String> command, boolean keepStdin) {
    try {
      Files.createDirectories(logDir);
      Files.writeString(logDir.resolve(name + ".cmd"), String.join(" ", command) + "\n");
      Process p = new ProcessBuilder(command).start();
      if (!keepStdin) {
        p.getOutputStream().close();
      }
      Proc proc = new Proc(name, command, p, logDir);
      LIVE.add(proc);
      return proc;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
    }
  }

  static Proc start(String name, Path logDir, List<String> command) {
    return start(name, logDir, command, false);
  }

  private Thread pump(InputStream in, List<String> lines, Path log) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                  Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                  w.write(line);
                  w.write('\n');
                  w.flush();
                  synchronized (this) {
                    lines.add(line);
                    notifyAll();
                  }
                }
              } catch (IOException e) {
                // the process went away; what was read is kept
              } finally {
                synchronized (this) {
                  notifyAll();
                }
              }
            },
            "proc-" + name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** "exit code N" or "signal N" of a process that ended (a shell's 128 + N counts as a signal). */
  String exitStatus() {
    int code = process.exitValue();
    return code > 128 ? "signal " + (code - 128) : "exit code " + code;
  }

  OutputStream stdin() {
    return process.getOutputStream();
  }

  /** Writes {@code text} to the program's stdin and flushes. */
  void write(String text) {
    try {
      OutputStream in = process.getOutputStream();
      in.write(text.getBytes(StandardCharsets.UTF_8));
      in.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + name, e);
    }
  }

  void closeStdin() {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close stdin of " + name, e);
    }
  }

  synchronized List<String> stdoutLines() {
    return List.copyOf(stdout);
  }

  synchronized List<String> stderrLines() {
    return List.copyOf(stderr);
  }

  /** A stdout line that matched, with its index among the stdout lines. */
  record Found(int index, Matcher matcher) {}

  /**
   * Waits until a stdout line at index {@code fromLine} or later matches {@code pattern}, and
   * returns it with its index. Fails with the output so far when the program exits first or the
   * timeout passes.
   */
  Found awaitStdout(Pattern pattern, Duration timeout, int fromLine) {
    return await(pattern, timeout, fromLine, true);
  }

  /**
   * Waits until a stdout line (or a stderr line when {@code stdoutOnly} is false) matches, and
   * returns the match. Fails with the output so far when the program exits first or the timeout
   * passes; lines before {@code fromLine} are skipped.
   */
  Matcher awaitLine(Pattern pattern, Duration timeout, int fromLine, boolean stdoutOnly) {
    return await(pattern, timeout, fromLine, stdoutOnly).matcher();
  }

  private Found await(Pattern pattern, Duration timeout, int fromLine, boolean stdoutOnly) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int checkedOut = fromLine;
    int checkedErr = 0;
    synchronized (this) {
      while (true) {
        for (; checkedOut < stdout.size(); checkedOut++) {
          Matcher m = pattern.matcher(stdout.get(checkedOut));
          if (m.find()) {
            return new Found(checkedOut, m);
          }
        }
        if (!stdoutOnly) {
          for (; checkedErr < stderr.size(); checkedErr++) {
            Matcher m = pattern.matcher(stderr.get(checkedErr));
            if (m.find()) {
              return new Found(-1, m);
            }
          }
        }
        boolean pumpsDone = !outPump.isAlive() && !errPump.isAlive();
        if (!process.isAlive() && pumpsDone) {
          throw new AssertionError(
              name
                  + " exited (code "
                  + process.exitValue()
                  + ") before printing /"
                  + pattern
                  + "/\n"
                  + tail());
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              name
                  + " did not print /"
                  + pattern
                  + "/ within "
                  + timeout.toSeconds()
                  + " s\n"
                  + tail());
        }
        try {
          wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted while waiting for " + name, e);
        }
      }
    }
  }

  Matcher awaitLine(String regex, Duration timeout) {
    return awaitLine(Pattern.compile(regex), timeout, 0, true);
  }

  Matcher awaitLine(String regex, Duration timeout, int fromLine) {
    return awaitLine(Pattern.compile(regex), timeout, fromLine, true);
  }

  /** Index of the first stdout line matching {@code regex}, if any. */
  synchronized Optional<Integer> indexOf(String regex, int fromLine) {
    Pattern p = Pattern.compile(regex);
    for (int i = fromLine; i < stdout.size(); i++) {
      if (p.matcher(stdout.get(i)).find()) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  synchronized int lineCount() {
    return stdout.size();
  }

  /** Waits for the exit and for all output; fails (and kills the program) on timeout. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        String tail = tail();
        close();
        throw new AssertionError(
            name + " did not exit within " + timeout.toSeconds() + " s\n" + tail);
      }
      outPump.join(5000);
      errPump.join(5000);
      LIVE.remove(this);
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + name, e);
    }
  }

  /** Sends a signal ({@code "INT"}, {@code "TERM"}, {@code "KILL"}) to the program. */
  void signal(String signal) {
    if (process.isAlive()) {
      Cmd.run("kill", "-" + signal, Long.toString(process.pid()));
    }
  }

  /** The last lines of both outputs, for failure messages. */
  String tail() {
    List<String> out = stdoutLines();
    List<String> err = stderrLines();
    StringBuilder b = new StringBuilder();
    b.append("--- ").append(name).append(": ").append(String.join(" ", command)).append('\n');
    b.append("--- stdout (").append(stdoutLog).append("), last lines:\n");
    out.subList(Math.max(0, out.size() - 25), out.size()).forEach(l -> b.append(l).append('\n'));
    b.append("--- stderr (").append(stderrLog).append("), last lines:\n");
    err.subList(Math.max(0, err.size() - 15), err.size()).forEach(l -> b.append(l).append('\n'));
    return b.toString();
  }

  /** Stops the program: SIGTERM, then SIGKILL after 5 s. Harmless when it already exited. */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(5, TimeUnit.SECONDS);
        }
      }
      outPump.join(2000);
      errPump.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } finally {
      LIVE.remove(this);
    }
  }

  /** Stops every program still running; used by the shutdown hook. */
  static void closeAll() {
    for (Proc p : List.copyOf(LIVE)) {
      p.process.destroyForcibly();
    }
  }
}
