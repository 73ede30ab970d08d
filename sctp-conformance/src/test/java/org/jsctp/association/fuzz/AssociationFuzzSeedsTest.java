package org.jsctp.association.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.driver.FuzzedDataProviderImpl;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jsctp.association.fuzz.ChunkSpec.DataMode;
import org.jsctp.association.fuzz.FuzzActionDecoder.ActionKind;
import org.jsctp.association.fuzz.FuzzActionDecoder.ChunkKind;
import org.jsctp.association.fuzz.FuzzSeeds.Seed;
import org.junit.jupiter.api.Test;

/**
 * The regression corpus of {@link AssociationFuzzTest} (which Jazzer runs in every {@code mvn
 * verify}) is the one {@link FuzzSeeds} writes, it decodes back to the same actions, and between
 * them the seeds exercise every kind of action, chunk and DATA; and bytes are read as Jazzer
 * reads them. After a change of the decoder, re-record the corpus with {@code
 * -Dfuzz.seeds.record=true}.
 */
class AssociationFuzzSeedsTest {

  private static final String RECORD_PROPERTY = "fuzz.seeds.record";
  static final Path CORPUS = Path.of("src/test/resources/org/jsctp/association/fuzz/"
      + "AssociationFuzzTestInputs/associationInvariantsHoldWhateverThePeerAndTheApplicationDo");

  @Test
  void everySeedDecodesBackToItsActions() {
    for (Seed seed : FuzzSeeds.all()) {
      FuzzActionDecoder decoder = new FuzzActionDecoder(SeedBytes.reader(seed.bytes()));
      assertThat(decoder.setup()).as(seed.name()).isEqualTo(seed.setup());
      List<FuzzAction> decoded = new ArrayList<>();
      while (decoder.hasMore()) {
        decoded.add(decoder.next());
      }
      assertThat(decoded).as(seed.name()).isEqualTo(seed.actions());
    }
  }

  @Test
  void theCorpusHoldsEverySeedAsWritten() throws IOException {
    boolean record = Boolean.getBoolean(RECORD_PROPERTY);
    for (Seed seed : FuzzSeeds.all()) {
      Path file = CORPUS.resolve(seed.name());
      if (record) {
        Files.createDirectories(CORPUS);
        Files.write(file, seed.bytes());
      }
      assertThat(file).as("record it with -D%s=true", RECORD_PROPERTY).exists();
      assertThat(Files.readAllBytes(file)).as(seed.name()).isEqualTo(seed.bytes());
    }
  }

  /**
   * {@link SeedBytes} reads every byte for every range the decoder may use as Jazzer's own
   * provider does. That one needs Jazzer's native library, which only a fuzz test loads: in
   * regression mode this runs once, on an empty input, and the input plays no part.
   */
  @FuzzTest(maxDuration = "10s")
  void seedBytesReadsAsJazzersFuzzedDataProvider(byte[] ignored) {
    byte[] everyByte = new byte[256];
    for (int b = 0; b < 256; b++) {
      everyByte[255 - b] = (byte) b; // read from the end: 0 first
    }
    for (int min = -16; min <= 16; min++) {
      for (int max = min; max <= min + 255; max++) {
        try (FuzzedDataProviderImpl jazzer = FuzzedDataProviderImpl.withJavaData(everyByte)) {
          Choices ours = SeedBytes.reader(everyByte);
          for (int b = 0; b < 256 && (min != max || b == 0); b++) {
            int expected = jazzer.consumeInt(min, max);
            int actual = ours.pick(min, max);
            if (actual != expected) {
              throw new AssertionError("byte " + b + " in [" + min + ", " + max + "]: Jazzer reads "
                  + expected + ", SeedBytes " + actual);
            }
          }
        }
      }
    }
  }

  @Test
  void theSeedsExerciseEveryKindOfActionChunkAndData() {
    Set<ActionKind> actions = EnumSet.noneOf(ActionKind.class);
    Set<ChunkKind> chunks = EnumSet.noneOf(ChunkKind.class);
    Set<DataMode> modes = EnumSet.noneOf(DataMode.class);
    for (Seed seed : FuzzSeeds.all()) {
      for (FuzzAction a : seed.actions()) {
        actions.add(kindOf(a));
        if (a instanceof FuzzAction.PeerPacket p) {
          for (ChunkSpec c : p.chunks()) {
            chunks.add(kindOf(c));
            if (c instanceof ChunkSpec.Data d) {
              modes.add(d.mode());
            }
          }
        }
      }
    }
    assertThat(actions).containsExactlyInAnyOrder(ActionKind.values());
    assertThat(chunks).containsExactlyInAnyOrder(ChunkKind.values());
    assertThat(modes).containsExactlyInAnyOrder(DataMode.values());
  }

  private static ActionKind kindOf(FuzzAction a) {
    if (a instanceof FuzzAction.PeerPacket) {
      return ActionKind.PEER_PACKET;
    } else if (a instanceof FuzzAction.PeerInit) {
      return ActionKind.PEER_INIT;
    } else if (a instanceof FuzzAction.PeerCookieEcho) {
      return ActionKind.PEER_COOKIE_ECHO;
    } else if (a instanceof FuzzAction.AppSend) {
      return ActionKind.APP_SEND;
    } else if (a instanceof FuzzAction.AppConsume) {
      return ActionKind.APP_CONSUME;
    } else if (a instanceof FuzzAction.AppShutdown) {
      return ActionKind.APP_SHUTDOWN;
    } else if (a instanceof FuzzAction.AppAbort) {
      return ActionKind.APP_ABORT;
    }
    return ActionKind.ADVANCE;
  }

  private static ChunkKind kindOf(ChunkSpec c) {
    if (c instanceof ChunkSpec.Data) {
      return ChunkKind.DATA;
    } else if (c instanceof ChunkSpec.Sack) {
      return ChunkKind.SACK;
    } else if (c instanceof ChunkSpec.Heartbeat) {
      return ChunkKind.HEARTBEAT;
    } else if (c instanceof ChunkSpec.HeartbeatAck) {
      return ChunkKind.HEARTBEAT_ACK;
    } else if (c instanceof ChunkSpec.Shutdown) {
      return ChunkKind.SHUTDOWN;
    } else if (c instanceof ChunkSpec.ShutdownAck) {
      return ChunkKind.SHUTDOWN_ACK;
    } else if (c instanceof ChunkSpec.ShutdownComplete) {
      return ChunkKind.SHUTDOWN_COMPLETE;
    } else if (c instanceof ChunkSpec.Abort) {
      return ChunkKind.ABORT;
    } else if (c instanceof ChunkSpec.Error) {
      return ChunkKind.ERROR;
    } else if (c instanceof ChunkSpec.CookieAck) {
      return ChunkKind.COOKIE_ACK;
    } else if (c instanceof ChunkSpec.StrayInitAck) {
      return ChunkKind.STRAY_INIT_ACK;
    } else if (c instanceof ChunkSpec.ForwardTsn) {
      return ChunkKind.FORWARD_TSN;
    }
    return ChunkKind.OTHER;
  }
}
