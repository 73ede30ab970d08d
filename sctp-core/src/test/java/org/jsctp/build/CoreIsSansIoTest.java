package org.jsctp.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core is a sans-IO state machine (design.md section 1): its main code never reads a clock,
 * starts or touches threads and executors, takes a lock, draws ambient randomness or opens a
 * socket. Class files are checked for references (so comments cannot trigger a false alarm) and
 * sources, with comments and literals removed, for the {@code synchronized} keyword.
 */
class CoreIsSansIoTest {

  private static final Path MAIN_CLASSES = Path.of("target/classes");
  private static final Path MAIN_SOURCES = Path.of("src/main/java");

  @Test
  void coreMainCodeRefersToNoClockThreadLockRandomnessOrSocket() throws IOException {
    assertThat(MAIN_CLASSES).isDirectory();
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN_CLASSES)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        try (InputStream in = Files.newInputStream(file)) {
          violations.addAll(ForbiddenReferences.violations(ClassFileReferences.read(in)));
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void coreMainSourcesUseNoSynchronizedKeyword() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        if (JavaSourceText.usesKeyword(Files.readString(file), "synchronized")) {
          violations.add(file + " uses synchronized");
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void theBytecodeCheckCatchesEachKindOfForbiddenReference() throws IOException {
    ClassFileReferences offender = readTestClass(Offender.class);
    List<String> found = ForbiddenReferences.violations(offender);
    assertThat(String.join("\n", found))
        .contains("java/lang/System.nanoTime")
        .contains("java/lang/System.currentTimeMillis")
        .contains("java/time/Instant.now")
        .contains("java/time/Clock")
        .contains("java/lang/Thread")
        .contains("java/util/concurrent/Executors")
        .contains("java/util/Random.<init>")
        .contains("java/util/concurrent/ThreadLocalRandom")
        .contains("java/lang/Math.random")
        .contains("java/net/DatagramSocket")
        .contains("synchronized method lockedMethod");
  }

  @Test
  void theBytecodeCheckAcceptsInjectedRandomnessAndAddresses() throws IOException {
    assertThat(ForbiddenReferences.violations(readTestClass(Innocent.class))).isEmpty();
  }

  @Test
  void theSourceCheckIgnoresCommentsAndStringsButFindsTheKeyword() {
    assertThat(JavaSourceText.usesKeyword("// synchronized\nclass A { String s = \"synchronized\"; }", "synchronized"))
        .isFalse();
    assertThat(JavaSourceText.usesKeyword("/* synchronized */ class A { char c = 's'; }", "synchronized"))
        .isFalse();
    assertThat(JavaSourceText.usesKeyword("class A { String t = \"\"\"\n synchronized\n\"\"\"; }", "synchronized"))
        .isFalse();
    assertThat(JavaSourceText.usesKeyword("class A { void f() { synchronized (this) {} } }", "synchronized"))
        .isTrue();
    assertThat(JavaSourceText.usesKeyword("class A { int unsynchronizedCount; }", "synchronized"))
        .isFalse();
  }

  private static ClassFileReferences readTestClass(Class<?> type) throws IOException {
    String resource = "/" + type.getName().replace('.', '/') + ".class";
    try (InputStream in = CoreIsSansIoTest.class.getResourceAsStream(resource)) {
      return ClassFileReferences.read(in);
    }
  }

  /** Removes comments, string, text-block and char literals from Java source text. */
  static final class JavaSourceText {
    private static final Pattern NOISE =
        Pattern.compile(
            "\"\"\"[\\s\\S]*?\"\"\"|//[^\\n]*|/\\*[\\s\\S]*?\\*/|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'");

    static boolean usesKeyword(String source, String keyword) {
      Matcher matcher = NOISE.matcher(source);
      String code = matcher.replaceAll(" ");
      return Pattern.compile("\\b" + keyword + "\\b").matcher(code).find();
    }
  }

  @SuppressWarnings("unused")
  static final class Offender {
    long clock() {
      return System.nanoTime() + System.currentTimeMillis() + java.time.Instant.now().getNano();
    }

    java.time.Clock clockField;

    void threads() {
      new Thread(() -> {}).start();
      java.util.concurrent.Executors.newSingleThreadExecutor();
    }

    double random() {
      return new java.util.Random().nextInt()
          + java.util.concurrent.ThreadLocalRandom.current().nextInt()
          + Math.random();
    }

    void socket() throws IOException {
      new java.net.DatagramSocket().close();
    }

    synchronized void lockedMethod() {}
  }

  @SuppressWarnings("unused")
  static final class Innocent {
    long draw(java.util.random.RandomGenerator random) {
      return random.nextLong();
    }

    java.net.InetAddress address(byte[] raw) throws java.net.UnknownHostException {
      return java.net.InetAddress.getByAddress(raw);
    }
  }
}
