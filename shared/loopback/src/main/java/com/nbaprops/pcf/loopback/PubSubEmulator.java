package com.nbaprops.pcf.loopback;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Google's Pub/Sub emulator (the Cloud SDK's {@code cloud-pubsub-emulator}) in a process of its
 * own, with the admin calls the suite needs over its REST API: topics, push and pull subscriptions
 * with a dead-letter policy and retry backoff, pulls. It delivers pushes, retries them with backoff
 * and dead-letters after the attempts, as Pub/Sub does.
 */
public final class PubSubEmulator implements AutoCloseable {
  /** Names the emulator's launcher when it is not beside {@code gcloud}. */
  public static final String BIN = "PUBSUB_EMULATOR_BIN";

  private static final Duration START = Duration.ofSeconds(60);

  /** A message pulled from a subscription, or pushed by one. */
  public record Pulled(String messageId, String data, Map<String, String> attributes) {
    /** A message as Pub/Sub's REST API and its push body write it (data in base64). */
    public static Pulled from(JsonObject message) {
      Map<String, String> attributes = new HashMap<>();
      if (message.has("attributes")) {
        message
            .getAsJsonObject("attributes")
            .entrySet()
            .forEach(e -> attributes.put(e.getKey(), e.getValue().getAsString()));
      }
      String data =
          message.has("data")
              ? new String(
                  Base64.getDecoder().decode(message.get("data").getAsString()),
                  StandardCharsets.UTF_8)
              : "";
      return new Pulled(message.get("messageId").getAsString(), data, attributes);
    }
  }

  /** How a push subscription retries and dead-letters, as the deployment sets it. */
  public record Delivery(
      int maxDeliveryAttempts, Duration minimumBackoff, Duration maximumBackoff, Duration ack) {}

  private final Process process;
  private final String host;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PubSubEmulator(Process process, String host) {
    this.process = process;
    this.host = host;
  }

  /**
   * The emulator's launcher: {@code PUBSUB_EMULATOR_BIN}, else the one the Cloud SDK beside {@code
   * gcloud} installs ({@code gcloud components install pubsub-emulator}, or the Debian package
   * google-cloud-cli-pubsub-emulator).
   */
  public static Optional<Path> launcher(Map<String, String> env) {
    String configured = env.get(BIN);
    if (configured != null) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    for (String dir : env.getOrDefault("PATH", "").split(":", -1)) {
      Path gcloud = Path.of(dir, "gcloud");
      if (Files.isExecutable(gcloud)) {
        try {
          Path sdk = gcloud.toRealPath().getParent().getParent();
          return Optional.of(sdk.resolve("platform/pubsub-emulator/bin/cloud-pubsub-emulator"))
              .filter(Files::isExecutable);
        } catch (IOException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Starts the emulator on a free loopback port and waits until it listens.
   *
   * @throws IllegalStateException when it is not installed, or does not start
   */
  public static PubSubEmulator start(Map<String, String> env)
      throws IOException, InterruptedException {
    Path launcher =
        launcher(env)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the Pub/Sub emulator is not installed: no cloud-pubsub-emulator beside"
                            + " gcloud and "
                            + BIN
                            + " unset (gcloud components install pubsub-emulator, or apt-get"
                            + " install google-cloud-cli-pubsub-emulator)"));
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Process process =
        new ProcessBuilder(launcher.toString(), "--host=127.0.0.1", "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    PubSubEmulator emulator = new PubSubEmulator(process, "127.0.0.1:" + port);
    long deadline = System.nanoTime() + START.toNanos();
    while (!listening(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        emulator.close();
        throw new IllegalStateException(
            "the Pub/Sub emulator at "
                + launcher
                + (process.isAlive() ? " did not listen within " + START : " exited at start-up"));
      }
      Thread.sleep(100);
    }
    return emulator;
  }

  @SuppressWarnings("try") // opening the socket is the probe
  private static boolean listening(int port) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code 127.0.0.1:PORT}, what {@code PUBSUB_EMULATOR_HOST} names. */
  public String host() {
    return host;
  }

  public void createTopic(String project, String topic) throws IOException, InterruptedException {
    call("PUT", "/v1/projects/" + project + "/topics/" + topic, new JsonObject());
  }

  /** A pull subscription, as an operator's or a tap's. */
  public void createPullSubscription(String project, String subscription, String topic)
      throws IOException, InterruptedException {
    JsonObject body = new JsonObject();
    body.addProperty("topic", "projects/" + project + "/topics/" + topic);
    call("PUT", "/v1/projects/" + project + "/subscriptions/" + subscription, body);
  }

  /** A push subscription to {@code endpoint} that retries and dead-letters as {@code delivery}. */
  public void createPushSubscription(
      String project,
      String subscription,
      String topic,
      String endpoint,
      String deadLetterTopic,
      Delivery delivery)
      throws IOException, InterruptedException {
    JsonObject body = new JsonObject();
    body.addProperty("topic", "projects/" + project + "/topics/" + topic);
    JsonObject push = new JsonObject();
    push.addProperty("pushEndpoint", endpoint);
    body.add("pushConfig", push);
    body.addProperty("ackDeadlineSeconds", delivery.ack().toSeconds());
    JsonObject deadLetter = new JsonObject();
    deadLetter.addProperty("deadLetterTopic", "projects/" + project + "/topics/" + deadLetterTopic);
    deadLetter.addProperty("maxDeliveryAttempts", delivery.maxDeliveryAttempts());
    body.add("deadLetterPolicy", deadLetter);
    JsonObject retry = new JsonObject();
    retry.addProperty("minimumBackoff", delivery.minimumBackoff().toSeconds() + "s");
    retry.addProperty("maximumBackoff", delivery.maximumBackoff().toSeconds() + "s");
    body.add("retryPolicy", retry);
    call("PUT", "/v1/projects/" + project + "/subscriptions/" + subscription, body);
  }

  /** Takes what is waiting on a pull subscription (at most {@code max}), acknowledged. */
  public List<Pulled> pull(String project, String subscription, int max)
      throws IOException, InterruptedException {
    String path = "/v1/projects/" + project + "/subscriptions/" + subscription;
    JsonObject request = new JsonObject();
    request.addProperty("maxMessages", max);
    request.addProperty("returnImmediately", true);
    JsonObject response = call("POST", path + ":pull", request);
    List<Pulled> pulled = new ArrayList<>();
    JsonArray ackIds = new JsonArray();
    JsonArray received =
        response.has("receivedMessages") ? response.getAsJsonArray("receivedMessages") : null;
    if (received == null) {
      return pulled;
    }
    for (JsonElement element : received) {
      pulled.add(Pulled.from(element.getAsJsonObject().getAsJsonObject("message")));
      ackIds.add(element.getAsJsonObject().get("ackId"));
    }
    JsonObject ack = new JsonObject();
    ack.add("ackIds", ackIds);
    call("POST", path + ":acknowledge", ack);
    return pulled;
  }

  private JsonObject call(String method, String path, JsonObject body)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://" + host + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          "the Pub/Sub emulator answered "
              + response.statusCode()
              + " to "
              + method
              + " "
              + path
              + ": "
              + response.body());
    }
    String text = response.body();
    return text.isBlank() ? new JsonObject() : JsonParser.parseString(text).getAsJsonObject();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
  }
}
