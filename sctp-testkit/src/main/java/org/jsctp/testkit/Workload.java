package org.jsctp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jsctp.api.MessageReceived;
import org.jsctp.association.SctpAssociation;
import org.jsctp.api.SendOutcome;

/**
 * A one-way stream of test messages from one association to its peer, with the checks of the
 * delivery invariants: every message arrives exactly once, ordered messages keep their order
 * per stream, unordered ones arrive as a set. Messages of random sizes and streams; sends are
 * retried while the send buffer is full, as an application would.
 */
public final class Workload {

  /** One message: its stream, ordering and content. */
  public record Message(int stream, boolean unordered, byte[] data) {}

  private final ArrayDeque<Message> toSend = new ArrayDeque<>();
  private final List<Message> sent = new ArrayList<>();
  private int total;

  /**
   * @param count messages
   * @param maxSize the largest message
   * @param streams streams to spread them over
   * @param unorderedShare the share sent unordered
   */
  public Workload(RandomGenerator random, int count, int maxSize, int streams, double unorderedShare) {
    for (int i = 0; i < count; i++) {
      int size = size(random, maxSize);
      byte[] data = new byte[size];
      random.nextBytes(data);
      toSend.add(new Message(random.nextInt(streams), random.nextDouble() < unorderedShare, data));
    }
    total = count;
  }

  private static int size(RandomGenerator random, int maxSize) {
    double r = random.nextDouble();
    if (r < 0.6) {
      return 1 + random.nextInt(Math.min(maxSize, 1500));
    } else if (r < 0.9) {
      return 1 + random.nextInt(Math.min(maxSize, 20_000));
    }
    return 1 + random.nextInt(maxSize);
  }

  /** Sends as many messages as the association takes now. */
  public void pump(SimEndpoint sender, SctpAssociation a, long now) {
    while (!toSend.isEmpty()) {
      Message m = toSend.peekFirst();
      SendOutcome outcome = sender.send(now, a, m.stream(), m.data(), m.unordered());
      if (outcome == SendOutcome.WOULD_BLOCK) {
        return;
      }
      assertThat(outcome).as("send outcome").isEqualTo(SendOutcome.ACCEPTED);
      sent.add(toSend.pollFirst());
    }
  }

  public boolean allSent() {
    return toSend.isEmpty();
  }

  /**
   * Messages reassembled from what arrived: pieces of partially delivered messages joined, per
   * stream and kind (with I-DATA, pieces of messages of different streams interleave).
   */
  public static List<Message> delivered(List<MessageReceived> events) {
    List<Message> out = new ArrayList<>();
    Map<Integer, ByteArrayOutputStream> partial = new HashMap<>();
    for (MessageReceived e : events) {
      int key = e.streamId() << 1 | (e.unordered() ? 1 : 0);
      if (!e.complete()) {
        partial.computeIfAbsent(key, k -> new ByteArrayOutputStream()).writeBytes(e.data().toByteArray());
        continue;
      }
      byte[] data;
      ByteArrayOutputStream pieces = partial.remove(key);
      if (pieces != null) {
        pieces.writeBytes(e.data().toByteArray());
        data = pieces.toByteArray();
      } else {
        data = e.data().toByteArray();
      }
      out.add(new Message(e.streamId(), e.unordered(), data));
    }
    return out;
  }

  /** Whether as many complete messages arrived as were to be sent. */
  public boolean complete(List<MessageReceived> events) {
    int n = 0;
    for (MessageReceived e : events) {
      if (e.complete()) {
        n++;
      }
    }
    return n >= total;
  }

  /** Checks exactly-once delivery, order per stream for ordered messages, and content. */
  public void verify(List<MessageReceived> events) {
    List<Message> got = delivered(events);
    assertThat(got).as("messages delivered").hasSize(sent.size());
    Map<Integer, List<byte[]>> sentOrdered = new HashMap<>();
    Map<Integer, List<byte[]>> gotOrdered = new HashMap<>();
    List<byte[]> sentUnordered = new ArrayList<>();
    List<byte[]> gotUnordered = new ArrayList<>();
    for (Message m : sent) {
      if (m.unordered()) {
        sentUnordered.add(m.data());
      } else {
        sentOrdered.computeIfAbsent(m.stream(), s -> new ArrayList<>()).add(m.data());
      }
    }
    for (Message m : got) {
      if (m.unordered()) {
        gotUnordered.add(m.data());
      } else {
        gotOrdered.computeIfAbsent(m.stream(), s -> new ArrayList<>()).add(m.data());
      }
    }
    assertThat(gotOrdered.keySet()).isEqualTo(sentOrdered.keySet());
    for (Map.Entry<Integer, List<byte[]>> e : sentOrdered.entrySet()) {
      List<byte[]> g = gotOrdered.get(e.getKey());
      assertThat(g).as("ordered messages on stream %d", e.getKey()).hasSize(e.getValue().size());
      for (int i = 0; i < g.size(); i++) {
        assertThat(g.get(i)).as("message %d on stream %d", i, e.getKey()).isEqualTo(e.getValue().get(i));
      }
    }
    Comparator<byte[]> cmp = Arrays::compare;
    sentUnordered.sort(cmp);
    gotUnordered.sort(cmp);
    assertThat(gotUnordered).as("unordered messages").hasSize(sentUnordered.size());
    for (int i = 0; i < sentUnordered.size(); i++) {
      assertThat(gotUnordered.get(i)).isEqualTo(sentUnordered.get(i));
    }
  }
}
