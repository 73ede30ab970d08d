package org.jsctp.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The references a sans-IO core must not make, checked against one class file. */
final class ForbiddenReferences {

  private static final Set<ClassFileReferences.MemberRef> FORBIDDEN_MEMBERS =
      Set.of(
          new ClassFileReferences.MemberRef("java/lang/System", "nanoTime"),
          new ClassFileReferences.MemberRef("java/lang/System", "currentTimeMillis"),
          new ClassFileReferences.MemberRef("java/time/Instant", "now"),
          new ClassFileReferences.MemberRef("java/time/LocalDateTime", "now"),
          new ClassFileReferences.MemberRef("java/time/ZonedDateTime", "now"),
          new ClassFileReferences.MemberRef("java/util/Random", "<init>"),
          new ClassFileReferences.MemberRef("java/security/SecureRandom", "<init>"),
          new ClassFileReferences.MemberRef("java/lang/Math", "random"),
          new ClassFileReferences.MemberRef("java/lang/StrictMath", "random"),
          new ClassFileReferences.MemberRef("java/util/UUID", "randomUUID"),
          new ClassFileReferences.MemberRef("java/lang/Object", "wait"),
          new ClassFileReferences.MemberRef("java/lang/Object", "notify"),
          new ClassFileReferences.MemberRef("java/lang/Object", "notifyAll"));

  private static final Set<String> FORBIDDEN_CLASSES =
      Set.of(
          "java/time/Clock",
          "java/time/InstantSource",
          "java/lang/Thread",
          "java/lang/ThreadGroup",
          "java/lang/Runtime",
          "java/util/Timer",
          "java/util/concurrent/Executor",
          "java/util/concurrent/Executors",
          "java/util/concurrent/ExecutorService",
          "java/util/concurrent/ScheduledExecutorService",
          "java/util/concurrent/ForkJoinPool",
          "java/util/concurrent/CompletableFuture",
          "java/util/concurrent/ThreadLocalRandom",
          "java/net/Socket",
          "java/net/ServerSocket",
          "java/net/DatagramSocket",
          "java/net/MulticastSocket",
          "java/net/DatagramPacket");

  private static final List<String> FORBIDDEN_PACKAGES =
      List.of("java/util/concurrent/locks/", "java/nio/channels/", "java/lang/Thread$");

  private ForbiddenReferences() {}

  static List<String> violations(ClassFileReferences refs) {
    List<String> found = new ArrayList<>();
    for (ClassFileReferences.MemberRef member : refs.members) {
      if (FORBIDDEN_MEMBERS.contains(member)) {
        found.add(refs.className + " calls " + member.owner() + "." + member.name());
      }
    }
    for (String name : refs.classes) {
      if (FORBIDDEN_CLASSES.contains(name)
          || FORBIDDEN_PACKAGES.stream().anyMatch(name::startsWith)) {
        found.add(refs.className + " refers to " + name);
      }
    }
    for (String method : refs.synchronizedMethods) {
      found.add(refs.className + " declares synchronized method " + method);
    }
    return found;
  }
}
