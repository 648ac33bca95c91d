package com.nbaprops.pcf.loopback;

import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PublishResponse;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback gRPC server that answers Pub/Sub's Publish as the service does: it records each
 * request and assigns message ids, or fails with the status it is told to. What {@code
 * PUBSUB_EMULATOR_HOST} names for the real client.
 */
public final class LoopbackPubSub implements AutoCloseable {
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
  private final Server server;
  private volatile Status failure;

  public LoopbackPubSub() throws IOException {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .addService(
                ServerServiceDefinition.builder(SERVICE)
                    .addMethod(PUBLISH, ServerCalls.asyncUnaryCall(this::publish))
                    .build())
            .build()
            .start();
  }

  /** {@code 127.0.0.1:PORT}, what {@code PUBSUB_EMULATOR_HOST} names. */
  public String host() {
    return "127.0.0.1:" + server.getPort();
  }

  public List<PublishRequest> requests() {
    return List.copyOf(requests);
  }

  /** Every Publish from now on fails with {@code status}; null to succeed again. */
  public void failWith(Status status) {
    this.failure = status;
  }

  private void publish(PublishRequest request, StreamObserver<PublishResponse> response) {
    Status status = failure;
    if (status != null) {
      response.onError(status.asRuntimeException());
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

  @Override
  public void close() {
    server.shutdownNow();
  }
}
