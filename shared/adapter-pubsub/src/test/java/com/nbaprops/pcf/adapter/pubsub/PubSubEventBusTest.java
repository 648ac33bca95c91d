package com.nbaprops.pcf.adapter.pubsub;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.pubsub.v1.PublishRequest;
import com.nbaprops.pcf.loopback.LoopbackPubSub;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter with the real client library, connected as {@code PUBSUB_EMULATOR_HOST} connects it,
 * to a loopback server that implements Pub/Sub's REST publish.
 */
class PubSubEventBusTest {
  private LoopbackPubSub server;
  private PubSubEventBus bus;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackPubSub();
    bus = PubSubEventBus.connect("test-project", server.host());
  }

  @AfterEach
  void stop() {
    bus.close();
    server.close();
  }

  @Test
  void publishesTheDataAndAttributesToTheProjectsTopic() {
    String id =
        bus.publish(
            "composite-factors-computed",
            "{\"analysis_date\":\"2023-02-23\"}",
            Map.of("run_id", "r1", "analysis_date", "2023-02-23"));

    assertThat(id).isEqualTo("id-1-0");
    PublishRequest request = server.requests().get(0);
    assertThat(request.getTopic())
        .isEqualTo("projects/test-project/topics/composite-factors-computed");
    assertThat(request.getMessages(0).getData().toStringUtf8())
        .isEqualTo("{\"analysis_date\":\"2023-02-23\"}");
    assertThat(request.getMessages(0).getAttributesMap())
        .containsExactly("run_id", "r1", "analysis_date", "2023-02-23");
  }

  @Test
  void aRejectedPublishSurfacesAsAnError() {
    server.failWith(
        new LoopbackPubSub.Failure(
            404, "NOT_FOUND", "Resource not found (resource=no-such-topic)"));

    var e =
        assertThrows(
            PubSubEventBus.PublishException.class,
            () -> bus.publish("no-such-topic", "{}", Map.of()));

    assertThat(e).hasMessageThat().contains("publish to no-such-topic failed");
    assertThat(e).hasMessageThat().contains("NOT_FOUND");
  }

  @Test
  void eachMessageGoesToItsOwnTopic() {
    bus.publish("a", "1", Map.of());
    bus.publish("b", "2", Map.of());
    bus.publish("a", "3", Map.of());

    assertThat(server.requests().stream().map(PublishRequest::getTopic).toList())
        .containsExactly(
            "projects/test-project/topics/a",
            "projects/test-project/topics/b",
            "projects/test-project/topics/a");
  }
}
