package com.nbaprops.pcf.adapter.pubsub;

import com.google.cloud.pubsub.v1.stub.SubscriberStub;
import com.google.cloud.pubsub.v1.stub.SubscriberStubSettings;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.ModifyAckDeadlineRequest;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.SubscriptionName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The dead-letter subscriptions Terraform creates ({@code <function>-dead-letter}), read by an
 * operator: {@link #peek} looks without taking (what it pulled is released at once), {@link #take}
 * pulls the chosen letters and acknowledges them only after the caller has handled each.
 */
public final class PubSubDeadLetters implements AutoCloseable {
  /** Pub/Sub's attribute on a dead-lettered message: how often it was delivered. */
  public static final String DELIVERY_COUNT = "CloudPubSubDeadLetterSourceDeliveryCount";

  private static final int BATCH = 100;

  /** A dead-lettered message as pulled. */
  public record Letter(String messageId, String data, Map<String, String> attributes) {
    public int deliveries() {
      try {
        return Integer.parseInt(attributes.getOrDefault(DELIVERY_COUNT, "0"));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }

  /** What to do with a letter taken off the subscription; it is acknowledged when this returns. */
  @FunctionalInterface
  public interface Handler {
    void handle(Letter letter);
  }

  private final String projectId;
  private final SubscriberStub stub;

  private PubSubDeadLetters(String projectId, SubscriberStub stub) {
    this.projectId = projectId;
    this.stub = stub;
  }

  /** The subscriptions of {@code projectId} with the default credentials, or the emulator's. */
  public static PubSubDeadLetters connect(String projectId, String emulatorHost) {
    try {
      return new PubSubDeadLetters(
          projectId,
          PubSubRest.to(SubscriberStubSettings.newHttpJsonBuilder(), emulatorHost)
              .build()
              .createStub());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Pub/Sub: " + e.getMessage(), e);
    }
  }

  /** Up to {@code max} letters of {@code subscription}, left on it for the next reader. */
  public List<Letter> peek(String subscription, int max) {
    List<ReceivedMessage> pulled = pull(subscription, max);
    release(subscription, pulled);
    return pulled.stream().map(PubSubDeadLetters::letter).toList();
  }

  /**
   * Takes the letters {@code chosen} selects: each is handed to {@code handler} and acknowledged
   * only if that returns; the rest are released. Returns how many were taken.
   */
  public int take(String subscription, Predicate<Letter> chosen, Handler handler) {
    int taken = 0;
    List<ReceivedMessage> pulled = pull(subscription, Integer.MAX_VALUE);
    List<ReceivedMessage> untouched = new ArrayList<>();
    for (ReceivedMessage received : pulled) {
      Letter letter = letter(received);
      if (!chosen.test(letter)) {
        untouched.add(received);
        continue;
      }
      handler.handle(letter);
      stub.acknowledgeCallable()
          .call(
              AcknowledgeRequest.newBuilder()
                  .setSubscription(path(subscription))
                  .addAckIds(received.getAckId())
                  .build());
      taken++;
    }
    release(subscription, untouched);
    return taken;
  }

  private List<ReceivedMessage> pull(String subscription, int max) {
    List<ReceivedMessage> all = new ArrayList<>();
    while (all.size() < max) {
      @SuppressWarnings("deprecation") // an operator's listing must not wait for messages to arrive
      PullRequest request =
          PullRequest.newBuilder()
              .setSubscription(path(subscription))
              .setMaxMessages(Math.min(BATCH, max - all.size()))
              .setReturnImmediately(true)
              .build();
      PullResponse response = stub.pullCallable().call(request);
      if (response.getReceivedMessagesCount() == 0) {
        break;
      }
      all.addAll(response.getReceivedMessagesList());
    }
    return all;
  }

  private void release(String subscription, List<ReceivedMessage> messages) {
    if (messages.isEmpty()) {
      return;
    }
    stub.modifyAckDeadlineCallable()
        .call(
            ModifyAckDeadlineRequest.newBuilder()
                .setSubscription(path(subscription))
                .addAllAckIds(messages.stream().map(ReceivedMessage::getAckId).toList())
                .setAckDeadlineSeconds(0)
                .build());
  }

  private String path(String subscription) {
    return SubscriptionName.of(projectId, subscription).toString();
  }

  private static Letter letter(ReceivedMessage received) {
    return new Letter(
        received.getMessage().getMessageId(),
        received.getMessage().getData().toString(StandardCharsets.UTF_8),
        Map.copyOf(received.getMessage().getAttributesMap()));
  }

  @Override
  public void close() {
    stub.close();
  }
}
