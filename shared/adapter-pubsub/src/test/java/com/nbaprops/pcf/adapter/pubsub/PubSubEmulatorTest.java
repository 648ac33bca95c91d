package com.nbaprops.pcf.adapter.pubsub;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
  private static Process emulator;
  private static String host;

  @BeforeAll
  static void startEmulator() throws Exception {
    Optional<Path> launcher = launcher();
    assumeTrue(
        launcher.isPresent(),
        "Pub/Sub emulator not found (no cloud-pubsub-emulator beside gcloud, PUBSUB_EMULATOR_BIN unset): skipped");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    host = "127.0.0.1:" + port;
    emulator =
        new ProcessBuilder(launcher.get().toString(), "--host=127.0.0.1", "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!listening(port)) {
      assumeTrue(emulator.isAlive(), "the Pub/Sub emulator exited at start-up: skipped");
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the Pub/Sub emulator did not listen on " + host + " within 60 s");
      }
      Thread.sleep(100);
    }
  }

  @AfterAll
  static void stopEmulator() {
    if (emulator != null) {
      emulator.descendants().forEach(ProcessHandle::destroy);
      emulator.destroy();
    }
  }

  private static Optional<Path> launcher() {
    String configured = System.getenv("PUBSUB_EMULATOR_BIN");
    if (configured != null) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
      Path gcloud = Path.of(dir, "gcloud");
      if (Files.isExecutable(gcloud)) {
        try {
          Path sdk = gcloud.toRealPath().getParent().getParent();
          Path candidate = sdk.resolve("platform/pubsub-emulator/bin/cloud-pubsub-emulator");
          return Optional.of(candidate).filter(Files::isExecutable);
        } catch (IOException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  @SuppressWarnings("try") // opening the socket is the probe
  private static boolean listening(int port) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
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
