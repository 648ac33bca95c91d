package com.nbaprops.pcf.loopback;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PubsubMessage;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback server that answers Pub/Sub's REST {@code topics.publish} as the service does: it
 * records each request and assigns message ids, or fails with the error it is told to. What {@code
 * PUBSUB_EMULATOR_HOST} names for the real client.
 */
public final class LoopbackPubSub implements AutoCloseable {
  private static final Pattern PUBLISH =
      Pattern.compile("/v1/(projects/[^/]+/topics/[^/:]+):publish");

  /** An error Pub/Sub answers: its HTTP code, its status name, its message. */
  public record Failure(int code, String status, String message) {}

  private final List<PublishRequest> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private volatile Failure failure;

  public LoopbackPubSub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code 127.0.0.1:PORT}, what {@code PUBSUB_EMULATOR_HOST} names. */
  public String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  public List<PublishRequest> requests() {
    return List.copyOf(requests);
  }

  /** Every publish from now on fails with {@code failure}; null to succeed again. */
  public void failWith(Failure failure) {
    this.failure = failure;
  }

  private void handle(HttpExchange exchange) throws IOException {
    Matcher publish = PUBLISH.matcher(exchange.getRequestURI().getPath());
    if (!exchange.getRequestMethod().equals("POST") || !publish.matches()) {
      Http.respond(exchange, 404, Http.error(404, "no such method: " + exchange.getRequestURI()));
      return;
    }
    Failure refused = failure;
    if (refused != null) {
      JsonObject body = Http.error(refused.code(), refused.message());
      body.getAsJsonObject("error").addProperty("status", refused.status());
      Http.respond(exchange, refused.code(), body);
      return;
    }
    PublishRequest request = request(publish.group(1), Http.body(exchange));
    requests.add(request);
    JsonArray ids = new JsonArray();
    for (int i = 0; i < request.getMessagesCount(); i++) {
      ids.add("id-" + requests.size() + "-" + i);
    }
    JsonObject response = new JsonObject();
    response.add("messageIds", ids);
    Http.respond(exchange, 200, response);
  }

  private static PublishRequest request(String topic, byte[] body) {
    JsonObject json =
        JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
    PublishRequest.Builder request = PublishRequest.newBuilder().setTopic(topic);
    for (JsonElement element : json.getAsJsonArray("messages")) {
      JsonObject message = element.getAsJsonObject();
      PubsubMessage.Builder built = PubsubMessage.newBuilder();
      if (message.has("data")) {
        built.setData(
            ByteString.copyFrom(Base64.getDecoder().decode(message.get("data").getAsString())));
      }
      if (message.has("attributes")) {
        for (Map.Entry<String, JsonElement> attribute :
            message.getAsJsonObject("attributes").entrySet()) {
          built.putAttributes(attribute.getKey(), attribute.getValue().getAsString());
        }
      }
      request.addMessages(built);
    }
    return request.build();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
