package com.nbaprops.pcf.adapter.pubsub;

import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.ApiException;
import com.google.cloud.pubsub.v1.stub.PublisherStub;
import com.google.cloud.pubsub.v1.stub.PublisherStubSettings;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import com.nbaprops.pcf.port.EventBus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * The bus on Cloud Pub/Sub: one publisher stub (over REST, see {@link PubSubRest}) for the life of
 * the function instance, created on the first publish. {@link #publish} returns the server's
 * message id, so a message the function reports as sent really was; a failure surfaces as an
 * exception once the client's retries are spent, and Pub/Sub redelivers the message that triggered
 * the function.
 */
final class PubSubEventBus implements EventBus, AutoCloseable {
  /**
   * How long a publish may take with its retries: the library's default (600 s) is longer than a
   * function may run (540 s), and a publish that has not gone through in a minute is better
   * redelivered.
   */
  private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(60);

  private final String projectId;
  private final String emulatorHost;
  private PublisherStub stub;

  private PubSubEventBus(String projectId, String emulatorHost) {
    this.projectId = projectId;
    this.emulatorHost = emulatorHost;
  }

  /**
   * Pub/Sub in {@code projectId} with the default credentials, or the emulator {@code emulatorHost}
   * names.
   */
  public static PubSubEventBus connect(String projectId, String emulatorHost) {
    return new PubSubEventBus(projectId, emulatorHost);
  }

  @Override
  public String publish(String topic, String data, Map<String, String> attributes) {
    PublishRequest request =
        PublishRequest.newBuilder()
            .setTopic(TopicName.of(projectId, topic).toString())
            .addMessages(
                PubsubMessage.newBuilder()
                    .setData(ByteString.copyFromUtf8(data))
                    .putAllAttributes(attributes))
            .build();
    try {
      return stub().publishCallable().call(request).getMessageIds(0);
    } catch (ApiException e) {
      throw new PublishException(topic, e);
    }
  }

  private synchronized PublisherStub stub() {
    if (stub == null) {
      try {
        stub =
            PubSubRest.to(eachAtOnce(PublisherStubSettings.newHttpJsonBuilder()), emulatorHost)
                .build()
                .createStub();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot reach Pub/Sub: " + e.getMessage(), e);
      }
    }
    return stub;
  }

  /**
   * Each publish sent at once and waited for, for at most {@link #PUBLISH_TIMEOUT} with its
   * retries: the stub would otherwise hold it for a batch, and a function publishes one message per
   * outcome.
   */
  private static PublisherStubSettings.Builder eachAtOnce(PublisherStubSettings.Builder settings) {
    var publish = settings.publishSettings();
    publish.setBatchingSettings(
        publish.getBatchingSettings().toBuilder().setIsEnabled(false).build());
    RetrySettings retries = publish.getRetrySettings();
    publish.setRetrySettings(retries.toBuilder().setTotalTimeoutDuration(PUBLISH_TIMEOUT).build());
    return settings;
  }

  @Override
  public synchronized void close() {
    if (stub != null) {
      stub.close();
    }
  }

  /** A message Pub/Sub did not accept. */
  public static final class PublishException extends RuntimeException {
    PublishException(String topic, ApiException cause) {
      super(
          "publish to "
              + topic
              + " failed: "
              + cause.getStatusCode().getCode()
              + ": "
              + cause.getMessage(),
          cause);
    }
  }
}
