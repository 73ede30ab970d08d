package org.jsctp.path;

import org.jsctp.api.PathState;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.jsctp.TestAddresses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which path carries new data and which takes retransmissions (RFC 9260 6.4, RFC 7829 3.2 and 4.1). */
class PathSelectionTest {

  static final InetAddress P1 = TestAddresses.v4("10.0.1.2");
  static final InetAddress P2 = TestAddresses.v4("10.0.2.2");
  static final InetAddress P3 = TestAddresses.v4("10.0.3.2");
  static final PathThresholds THRESHOLDS = new PathThresholds(5, 0, true);

  PathStateMachineTest.Recorder env;
  PathManager manager;
  Path primary;
  Path second;
  Path third;

  @BeforeEach
  void threePaths() {
    env = new PathStateMachineTest.Recorder();
    manager = new PathManager(env);
    primary = manager.add(PathStateMachineTest.path(0, P1, PathState.ACTIVE, THRESHOLDS));
    second = manager.add(PathStateMachineTest.path(1, P2, PathState.ACTIVE, THRESHOLDS));
    third = manager.add(PathStateMachineTest.path(2, P3, PathState.ACTIVE, THRESHOLDS));
  }

  @Test
  void newDataGoesToTheActivePrimary() {
    assertThat(manager.dataPath(0)).isSameAs(primary);
  }

  @Test
  void aPotentiallyFailedPrimaryIsSkippedWhileAnActivePathExists() {
    primary.setState(PathState.POTENTIALLY_FAILED);
    assertThat(manager.dataPath(0)).isSameAs(second);
  }

  @Test
  void theChosenAlternateStaysWhileItIsActive() {
    primary.setState(PathState.POTENTIALLY_FAILED);
    manager.dataPath(0);
    second.setErrorCount(0);
    assertThat(manager.dataPath(0)).isSameAs(second);
  }

  @Test
  void trafficReturnsToThePrimaryOnceItIsActiveAgain() {
    primary.setState(PathState.POTENTIALLY_FAILED);
    assertThat(manager.dataPath(0)).isSameAs(second);
    primary.setState(PathState.ACTIVE);
    assertThat(manager.dataPath(0)).isSameAs(primary);
  }

  @Test
  void withNoActivePathThePotentiallyFailedPathWithTheLowestErrorCountIsUsed() {
    primary.setState(PathState.POTENTIALLY_FAILED);
    primary.setErrorCount(3);
    second.setState(PathState.POTENTIALLY_FAILED);
    second.setErrorCount(2);
    third.setState(PathState.INACTIVE);
    third.setErrorCount(0);
    assertThat(manager.dataPath(0)).isSameAs(second);
  }

  @Test
  void withEveryPathInactiveTheLowestErrorCountKeepsCarryingDataDormant() {
    primary.setState(PathState.INACTIVE);
    primary.setErrorCount(9);
    second.setState(PathState.INACTIVE);
    second.setErrorCount(7);
    third.setState(PathState.INACTIVE);
    third.setErrorCount(8);
    assertThat(manager.dataPath(0)).isSameAs(second);
    assertThat(second.state()).isEqualTo(PathState.INACTIVE);
    assertThat(second.errorCount()).isEqualTo(7);
  }

  @Test
  void unconfirmedPathsNeverCarryData() {
    Path unconfirmed = manager.add(PathStateMachineTest.path(3, TestAddresses.v4("10.0.4.2"),
        PathState.UNCONFIRMED, THRESHOLDS));
    primary.setState(PathState.INACTIVE);
    second.setState(PathState.INACTIVE);
    third.setState(PathState.INACTIVE);
    assertThat(manager.dataPath(0)).isNotSameAs(unconfirmed);
    assertThat(manager.retransmissionPath(primary)).isNotSameAs(unconfirmed);
  }

  @Test
  void retransmissionsAfterATimeoutGoToAnActiveAlternate() {
    assertThat(manager.retransmissionPath(primary)).isNotSameAs(primary);
    assertThat(manager.retransmissionPath(primary).state()).isEqualTo(PathState.ACTIVE);
  }

  @Test
  void withoutAnActiveAlternateRetransmissionsStayOnTheOriginalPath() {
    second.setState(PathState.INACTIVE);
    third.setState(PathState.INACTIVE);
    assertThat(manager.retransmissionPath(primary)).isSameAs(primary);
  }

  @Test
  void aChangeOfDataPathIsReported() {
    manager.dataPath(0);
    primary.setState(PathState.POTENTIALLY_FAILED);
    manager.dataPath(0);
    assertThat(env.dataPathChanges).containsExactly("0->1");
    assertThat(manager.currentDataPath()).isSameAs(second);
  }

  @Test
  void primarySwitchoverMakesTheDataPathPrimaryOnceThePrimaryExceedsTheThreshold() {
    manager.setPsRetrans(1);
    manager.dataPath(0);
    manager.recordError(primary, 0);
    assertThat(manager.primary()).isSameAs(primary);
    manager.dataPath(0);
    manager.recordError(primary, 0);
    assertThat(manager.primary()).isSameAs(second);
    manager.recordSuccess(primary, 0);
    assertThat(manager.dataPath(0)).as("no switchback").isSameAs(second);
  }

  @Test
  void switchoverIsOffByDefault() {
    for (int i = 0; i < 10; i++) {
      manager.recordError(primary, 0);
    }
    assertThat(manager.primary()).isSameAs(primary);
  }

  @Test
  void aPathReturningFromPotentiallyFailedRestartsWithOneMtuOfCwnd() {
    manager.recordError(primary, 0);
    assertThat(primary.state()).isEqualTo(PathState.POTENTIALLY_FAILED);
    manager.recordSuccess(primary, 0);
    assertThat(primary.congestion().cwnd()).isEqualTo(primary.pmdcs());
  }

  @Test
  void theCwndResetOnReturnFromPotentiallyFailedCanBeSwitchedOff() {
    manager.setPfCwndReset(false);
    long before = primary.congestion().cwnd();
    manager.recordError(primary, 0);
    manager.recordSuccess(primary, 0);
    assertThat(primary.congestion().cwnd()).isEqualTo(before);
  }

  // ---- a live association's paths changed by ADD-IP (RFC 5061) ------------------------------

  @Test
  void aRemovedPrimaryHandsOverToTheGivenPathAndTheIndicesAfterItMoveDown() {
    manager.remove(primary, third);

    assertThat(manager.paths()).containsExactly(second, third);
    assertThat(second.id()).isZero();
    assertThat(third.id()).isEqualTo(1);
    assertThat(manager.primary()).isSameAs(third);
    assertThat(manager.dataPath(0)).isSameAs(third);
    assertThat(manager.find(P1)).isNull();
  }

  @Test
  void aRemovedPathsTimersStop() {
    second.t3().start(0, 1_000);
    second.heartbeatTimer().start(0, 1_000);

    manager.remove(second, null);

    assertThat(second.t3().isRunning()).isFalse();
    assertThat(second.heartbeatTimer().isRunning()).isFalse();
    assertThat(manager.nextDeadline()).isNotEqualTo(1_000);
  }

  @Test
  void aRequestedPrimaryThatIsUnconfirmedTakesOverOnceAHeartbeatConfirmsIt() {
    Path added = manager.add(PathStateMachineTest.path(3, TestAddresses.v4("10.0.4.2"),
        PathState.UNCONFIRMED, THRESHOLDS));

    assertThat(manager.requestPrimary(added)).isFalse();
    assertThat(manager.primary()).isSameAs(primary);
    manager.recordSuccess(added, 0);

    assertThat(manager.primary()).isSameAs(added);
    assertThat(manager.dataPath(0)).isSameAs(added);
  }

  @Test
  void aConfirmedRequestedPrimaryTakesOverAtOnce() {
    assertThat(manager.requestPrimary(third)).isTrue();
    assertThat(manager.primary()).isSameAs(third);
  }

  @Test
  void aNewSourceAddressRestartsThePathsCongestionWindow() {
    primary.congestion().onAcked(100_000, 100_000, false, false);
    long grown = primary.congestion().cwnd();
    InetAddress local = TestAddresses.v4("10.0.9.1");

    manager.moveLocalAddress(primary, local, 1 << 20);

    assertThat(primary.localAddress()).isEqualTo(local);
    assertThat(primary.congestion().cwnd()).isLessThan(grown)
        .isEqualTo(primary.congestion().initialCwnd());
  }
}
