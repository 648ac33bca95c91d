package com.nbaprops.pcf.adapter.pubsub;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PublishResponse;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter with the real Publisher, against an in-process gRPC server that implements Pub/Sub's
 * Publish.
 */
class PubSubEventBusTest {
  private static final String SERVICE = "google.pubsub.v1.Publisher";

  /**
   * Declared from the messages of the client library itself, so no separately versioned stubs are
   * needed.
   */
  private static final MethodDescriptor<PublishRequest, PublishResponse> PUBLISH =
      MethodDescriptor.<PublishRequest, PublishResponse>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Publish"))
          .setRequestMarshaller(ProtoUtils.marshaller(PublishRequest.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(PublishResponse.getDefaultInstance()))
          .build();

  private final List<PublishRequest> requests = new CopyOnWriteArrayList<>();
  private volatile Status failure;
  private Server server;
  private ManagedChannel channel;
  private PubSubEventBus bus;

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(
                ServerServiceDefinition.builder(SERVICE)
                    .addMethod(PUBLISH, ServerCalls.asyncUnaryCall(this::publish))
                    .build())
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    bus = PubSubEventBus.over("test-project", channel);
  }

  /**
   * Pub/Sub's Publish as the server implements it: the ids it assigns, or the status it was told to
   * fail with.
   */
  private void publish(PublishRequest request, StreamObserver<PublishResponse> response) {
    if (failure != null) {
      response.onError(failure.asRuntimeException());
      return;
    }
    requests.add(request);
    PublishResponse.Builder ids = PublishResponse.newBuilder();
    for (int i = 0; i < request.getMessagesCount(); i++) {
      ids.addMessageIds("id-" + requests.size() + "-" + i);
    }
    response.onNext(ids.build());
    response.onCompleted();
  }

  @AfterEach
  void stop() {
    bus.close();
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void publishesTheDataAndAttributesToTheProjectsTopic() {
    String id =
        bus.publish(
            "composite-factors-computed",
            "{\"analysis_date\":\"2023-02-23\"}",
            Map.of("run_id", "r1", "analysis_date", "2023-02-23"));

    assertThat(id).isEqualTo("id-1-0");
    PublishRequest request = requests.get(0);
    assertThat(request.getTopic())
        .isEqualTo("projects/test-project/topics/composite-factors-computed");
    assertThat(request.getMessages(0).getData().toStringUtf8())
        .isEqualTo("{\"analysis_date\":\"2023-02-23\"}");
    assertThat(request.getMessages(0).getAttributesMap())
        .containsExactly("run_id", "r1", "analysis_date", "2023-02-23");
  }

  @Test
  void aRejectedPublishSurfacesAsAnError() {
    failure = Status.NOT_FOUND.withDescription("Resource not found (resource=no-such-topic)");

    var e =
        assertThrows(
            PubSubEventBus.PublishException.class,
            () -> bus.publish("no-such-topic", "{}", Map.of()));

    assertThat(e).hasMessageThat().contains("publish to no-such-topic failed");
    assertThat(e).hasMessageThat().contains("NOT_FOUND");
  }

  @Test
  void eachTopicKeepsItsPublisher() {
    bus.publish("a", "1", Map.of());
    bus.publish("b", "2", Map.of());
    bus.publish("a", "3", Map.of());

    assertThat(requests.stream().map(PublishRequest::getTopic).toList())
        .containsExactly(
            "projects/test-project/topics/a",
            "projects/test-project/topics/b",
            "projects/test-project/topics/a");
  }
}
