package com.nbaprops.pcf.adapter.pubsub;

import com.google.api.core.ApiFuture;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import com.nbaprops.pcf.port.EventBus;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The bus on Cloud Pub/Sub: one {@link Publisher} per topic, kept for the life of the function
 * instance (creating one per message would cost a channel each time). {@link #publish} waits for
 * the server's message id, so a message the function reports as sent really was; a failure surfaces
 * as an exception, and Pub/Sub redelivers the message that triggered the function.
 */
final class PubSubEventBus implements EventBus, AutoCloseable {
  private static final long PUBLISH_TIMEOUT_SECONDS = 60;

  private final String projectId;

  /**
   * A given channel (emulator, in-process server) without credentials; null for Pub/Sub with the
   * defaults.
   */
  private final TransportChannelProvider channels;

  private final Map<String, Publisher> publishers = new ConcurrentHashMap<>();

  private PubSubEventBus(String projectId, TransportChannelProvider channels) {
    this.projectId = projectId;
    this.channels = channels;
  }

  /**
   * Pub/Sub in {@code projectId} with the default credentials, or the emulator {@code emulatorHost}
   * names.
   */
  public static PubSubEventBus connect(String projectId, String emulatorHost) {
    if (emulatorHost == null || emulatorHost.isBlank()) {
      return new PubSubEventBus(projectId, null);
    }
    ManagedChannel channel = ManagedChannelBuilder.forTarget(emulatorHost).usePlaintext().build();
    return over(projectId, channel);
  }

  /**
   * Over a given gRPC channel, without credentials: the emulator, or an in-process server in tests.
   */
  public static PubSubEventBus over(String projectId, ManagedChannel channel) {
    return new PubSubEventBus(
        projectId, FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel)));
  }

  @Override
  public String publish(String topic, String data, Map<String, String> attributes) {
    PubsubMessage message =
        PubsubMessage.newBuilder()
            .setData(ByteString.copyFromUtf8(data))
            .putAllAttributes(attributes)
            .build();
    ApiFuture<String> id = publisher(topic).publish(message);
    try {
      return id.get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new PublishException(topic, e.getCause());
    } catch (TimeoutException e) {
      throw new PublishException(topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException(topic, e);
    }
  }

  private Publisher publisher(String topic) {
    return publishers.computeIfAbsent(
        topic,
        name -> {
          try {
            Publisher.Builder builder = Publisher.newBuilder(TopicName.of(projectId, name));
            if (channels != null) {
              builder
                  .setChannelProvider(channels)
                  .setCredentialsProvider(NoCredentialsProvider.create());
            }
            return builder.build();
          } catch (IOException e) {
            throw new UncheckedIOException(
                "cannot create a publisher for " + name + ": " + e.getMessage(), e);
          }
        });
  }

  /** Sends what is batched and stops the publishers. */
  @Override
  public void close() {
    // Every publisher is told to stop before any is waited for: an interrupt while waiting for
    // one must not leave the others running.
    publishers.values().forEach(Publisher::shutdown);
    for (Publisher publisher : publishers.values()) {
      try {
        publisher.awaitTermination(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** A message Pub/Sub did not accept. */
  public static final class PublishException extends RuntimeException {
    PublishException(String topic, Throwable cause) {
      super("publish to " + topic + " failed: " + cause.getMessage(), cause);
    }
  }
}
