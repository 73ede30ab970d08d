package org.jsctp.examples;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jsctp.ha.HaMode;
import org.jsctp.ha.jgroups.JGroupsReplicator;
import org.jsctp.netty.SctpServerChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ha-echo-server}: a one-to-one echo server whose associations a standby takes over
 * (docs/ha.md). Run it twice with the same {@code --local} (the virtual IP), ports and JGroups
 * members: the first to start is the active and binds, the second is its standby and binds only
 * once the active is gone and the address has moved to its host.
 */
@Command(
    name = "ha-echo-server",
    mixinStandardHelpOptions = true,
    description =
        "Echo server with standby takeover over JGroups: run an active and a standby with the"
            + " same virtual IP; kill the active and the standby resumes its associations.")
final class HaEchoServerCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ListenOptions listen = new ListenOptions(EchoServer.DEFAULT_PORT);

  @Option(
      names = "--ha-mode",
      defaultValue = "SYNC",
      description = "SCTP_HA_MODE: SYNC or THRESHOLD (default: ${DEFAULT-VALUE}).")
  HaMode haMode;

  @Option(
      names = "--jgroups-bind",
      required = true,
      paramLabel = "ADDR:PORT",
      description = "The TCP address JGroups listens on for the other member.")
  String jgroupsBind;

  @Option(
      names = "--jgroups-member",
      required = true,
      paramLabel = "ADDR:PORT",
      description = "A member of the group, this one included (repeat for both).")
  List<String> members = new ArrayList<>();

  @Option(
      names = "--failure-timeout",
      paramLabel = "MS",
      defaultValue = "3000",
      description = "FD_ALL3's timeout: a silent member is suspected after it (default:"
          + " ${DEFAULT-VALUE}); a killed process is seen at once through FD_SOCK2.")
  long failureTimeoutMs;

  @Option(
      names = "--address-wait",
      paramLabel = "MS",
      defaultValue = "30000",
      description = "How long a standby taking over waits for the virtual IP (default:"
          + " ${DEFAULT-VALUE}).")
  long addressWaitMs;

  @Mixin StackOptions stackOptions;

  @Override
  public Integer call() throws Exception {
    listen.validate();
    Usage.check(spec, haMode != HaMode.OFF, "--ha-mode must be SYNC or THRESHOLD");
    Usage.check(spec, listen.udpPort != 0, "--udp-port must not be 0: the standby binds it too");
    Usage.checkRange(spec, "--failure-timeout", failureTimeoutMs, 100, 600_000);
    Usage.checkRange(spec, "--address-wait", addressWaitMs, 0, 3_600_000);
    InetSocketAddress bind = hostPort("--jgroups-bind", jgroupsBind);
    List<InetSocketAddress> group = new ArrayList<>();
    for (String m : members) {
      group.add(hostPort("--jgroups-member", m));
    }
    stackOptions.configureLogging();
    JGroupsReplicator replicator =
        JGroupsReplicator.builder()
            .bind(bind.getAddress(), bind.getPort())
            .members(group)
            .failureTimeout(Duration.ofMillis(failureTimeoutMs))
            .connect();
    System.out.println("ha-echo-server ROLE " + replicator.role());
    System.out.flush();
    SctpStack stack = stackOptions.stack();
    SctpServerChannel server = SctpServerChannel.open(stack);
    server.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, listen.udpPort);
    server.setOption(SctpStandardSocketOptions.SCTP_HA_MODE, haMode);
    server.replicateWith(replicator, Duration.ofMillis(addressWaitMs));
    InetAddress first = listen.locals.get(0);
    server.bind(new InetSocketAddress(first, listen.port));
    for (InetAddress more : listen.locals.subList(1, listen.locals.size())) {
      server.bindAddress(more);
    }
    HaEcho echo =
        new HaEcho(
            server,
            line -> {
              System.out.println("ha-echo-server " + line);
              System.out.flush();
            });
    echo.start("ha-echo-accept");
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "ha-echo-server-shutdown"));
    System.out.println(
        "ha-echo-server bound " + listen.locals + " port " + listen.port + " udp "
            + listen.udpPort + " as " + replicator.role());
    System.out.flush();
    new CountDownLatch(1).await();
    return 0;
  }

  private InetSocketAddress hostPort(String option, String value) {
    int colon = value.lastIndexOf(':');
    Usage.check(spec, colon > 0, option + " must be ADDR:PORT, got " + value);
    try {
      int port = Integer.parseInt(value.substring(colon + 1));
      Usage.checkRange(spec, option + " port", port, 1, 65535);
      return new InetSocketAddress(InetAddress.getByName(value.substring(0, colon)), port);
    } catch (NumberFormatException | java.net.UnknownHostException e) {
      Usage.check(spec, false, option + " must be ADDR:PORT, got " + value);
      return null;
    }
  }
}
