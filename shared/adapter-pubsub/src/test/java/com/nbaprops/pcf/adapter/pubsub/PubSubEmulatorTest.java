package com.nbaprops.pcf.adapter.pubsub;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nbaprops.pcf.loopback.PubSubEmulator;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapter against the real Pub/Sub emulator from the Google Cloud SDK, when the machine has it
 * ({@code gcloud components install pubsub-emulator}, or the Debian package
 * google-cloud-cli-pubsub-emulator); skipped with a message otherwise.
 */
class PubSubEmulatorTest {
  private static final String PROJECT = "emulator-project";
  private static PubSubEmulator emulator;
  private static String host;

  @BeforeAll
  static void startEmulator() throws Exception {
    assumeTrue(
        PubSubEmulator.launcher(System.getenv()).isPresent(),
        "Pub/Sub emulator not found (no cloud-pubsub-emulator beside gcloud, PUBSUB_EMULATOR_BIN unset): skipped");
    emulator = PubSubEmulator.start(System.getenv());
    host = emulator.host();
  }

  @AfterAll
  static void stopEmulator() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private static JsonObject rest(String method, String path, String body) throws IOException {
    HttpURLConnection connection =
        (HttpURLConnection) URI.create("http://" + host + path).toURL().openConnection();
    connection.setRequestMethod(method);
    connection.setDoOutput(true);
    connection.setRequestProperty("Content-Type", "application/json");
    connection.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    assertThat(connection.getResponseCode()).isEqualTo(200);
    return JsonParser.parseString(
            new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .getAsJsonObject();
  }

  @Test
  void aPublishedMessageArrivesWithItsAttributes() throws Exception {
    String topic = "projects/" + PROJECT + "/topics/coverage-validated";
    rest("PUT", "/v1/" + topic, "{}");
    rest(
        "PUT",
        "/v1/projects/" + PROJECT + "/subscriptions/metadata-tracking",
        "{\"topic\":\"" + topic + "\"}");

    try (PubSubEventBus bus = PubSubEventBus.connect(PROJECT, host)) {
      bus.publish("coverage-validated", "{\"verdict\":\"PASS\"}", Map.of("run_id", "r1"));
    }
    JsonObject pulled =
        rest(
            "POST",
            "/v1/projects/" + PROJECT + "/subscriptions/metadata-tracking:pull",
            "{\"maxMessages\":10}");

    JsonObject message =
        pulled
            .getAsJsonArray("receivedMessages")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("message");
    assertThat(
            new String(
                Base64.getDecoder().decode(message.get("data").getAsString()),
                StandardCharsets.UTF_8))
        .isEqualTo("{\"verdict\":\"PASS\"}");
    assertThat(message.getAsJsonObject("attributes").get("run_id").getAsString()).isEqualTo("r1");
  }

  @Test
  void deadLettersCanBeReadWithoutTakingThemThenTakenOneByOne() throws Exception {
    String topic = "projects/" + PROJECT + "/topics/composite-factors-dead-letter";
    rest("PUT", "/v1/" + topic, "{}");
    rest(
        "PUT",
        "/v1/projects/" + PROJECT + "/subscriptions/composite-factors-dead-letter",
        "{\"topic\":\"" + topic + "\"}");
    String first;
    try (PubSubEventBus bus = PubSubEventBus.connect(PROJECT, host)) {
      first =
          bus.publish(
              "composite-factors-dead-letter",
              "{\"analysis_date\":\"2023-02-23\"}",
              Map.of("run_id", "r1", PubSubDeadLetters.DELIVERY_COUNT, "5"));
      bus.publish("composite-factors-dead-letter", "{\"analysis_date\":\"2023-02-24\"}", Map.of());
    }

    try (PubSubDeadLetters letters = PubSubDeadLetters.connect(PROJECT, host)) {
      assertThat(letters.peek("composite-factors-dead-letter", 10)).hasSize(2);
      var again = letters.peek("composite-factors-dead-letter", 10);
      assertThat(again).hasSize(2);
      assertThat(
              again.stream()
                  .filter(l -> l.messageId().equals(first))
                  .findFirst()
                  .orElseThrow()
                  .deliveries())
          .isEqualTo(5);

      java.util.List<String> handled = new java.util.ArrayList<>();
      int taken =
          letters.take(
              "composite-factors-dead-letter",
              letter -> letter.messageId().equals(first),
              letter -> handled.add(letter.data()));

      assertThat(taken).isEqualTo(1);
      assertThat(handled).containsExactly("{\"analysis_date\":\"2023-02-23\"}");
      assertThat(letters.peek("composite-factors-dead-letter", 10)).hasSize(1);
    }
  }
}
