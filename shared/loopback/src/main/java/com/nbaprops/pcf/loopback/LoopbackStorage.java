package com.nbaprops.pcf.loopback;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server that speaks enough of Cloud Storage's JSON API for the real client to
 * write (multipart and resumable uploads), read, and list objects, kept in memory.
 */
public final class LoopbackStorage implements AutoCloseable {
  private static final Pattern OBJECTS =
      Pattern.compile("^(/upload|/download)?/storage/v1/b/([^/]+)/o(?:/(.+))?$");

  private static final Pattern AMPERSAND = Pattern.compile("&");

  private final HttpServer server;
  private final Map<String, byte[]> objects = new TreeMap<>();
  private final Map<String, String> contentTypes = new HashMap<>();
  private final Map<String, JsonObject> uploads = new HashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  public LoopbackStorage() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code 127.0.0.1:PORT}, what {@code STORAGE_EMULATOR_HOST} names. */
  public String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** The objects written, by {@code bucket/name}. */
  public synchronized Map<String, byte[]> objects() {
    return Map.copyOf(objects);
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String query =
        exchange.getRequestURI().getRawQuery() == null
            ? ""
            : exchange.getRequestURI().getRawQuery();
    Matcher matcher = OBJECTS.matcher(exchange.getRequestURI().getRawPath());
    if (!matcher.matches()) {
      Http.respond(
          exchange, 400, Http.error(400, "not a storage path: " + exchange.getRequestURI()));
      return;
    }
    String bucket = matcher.group(2);
    String name = matcher.group(3) == null ? null : decode(matcher.group(3));
    byte[] body = Http.body(exchange);
    boolean upload = "/upload".equals(matcher.group(1));

    if (upload && method.equals("POST") && query.contains("uploadType=multipart")) {
      String object = store(bucket, multipart(exchange, body));
      Http.respond(exchange, 200, resource(bucket, object));
    } else if (upload && method.equals("POST") && query.contains("uploadType=resumable")) {
      String id = "upload-" + ids.incrementAndGet();
      JsonObject metadata =
          JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
      if (!metadata.has("name")) {
        metadata.addProperty("name", parameter(query, "name"));
      }
      uploads.put(id, metadata);
      exchange
          .getResponseHeaders()
          .add(
              "Location",
              "http://"
                  + host()
                  + "/upload/storage/v1/b/"
                  + bucket
                  + "/o?uploadType=resumable&upload_id="
                  + id);
      Http.respond(exchange, 200, new JsonObject());
    } else if (upload && method.equals("PUT")) {
      JsonObject metadata = uploads.remove(parameter(query, "upload_id"));
      String object = metadata.get("name").getAsString();
      objects.put(bucket + "/" + object, body);
      contentTypes.put(
          bucket + "/" + object,
          metadata.has("contentType")
              ? metadata.get("contentType").getAsString()
              : "application/octet-stream");
      Http.respond(exchange, 200, resource(bucket, object));
    } else if (method.equals("GET") && name == null) {
      String prefix = decode(parameter(query, "prefix") == null ? "" : parameter(query, "prefix"));
      JsonArray items = new JsonArray();
      objects.keySet().stream()
          .filter(key -> key.startsWith(bucket + "/" + prefix))
          .forEach(key -> items.add(resource(bucket, key.substring(bucket.length() + 1))));
      JsonObject list = new JsonObject();
      list.addProperty("kind", "storage#objects");
      list.add("items", items);
      Http.respond(exchange, 200, list);
    } else if (method.equals("GET") && !objects.containsKey(bucket + "/" + name)) {
      Http.respond(exchange, 404, Http.error(404, "No such object: " + bucket + "/" + name));
    } else if (method.equals("GET") && query.contains("alt=media")) {
      byte[] content = objects.get(bucket + "/" + name);
      exchange.getResponseHeaders().add("Content-Type", contentTypes.get(bucket + "/" + name));
      exchange.sendResponseHeaders(200, content.length);
      exchange.getResponseBody().write(content);
      exchange.close();
    } else if (method.equals("GET")) {
      Http.respond(exchange, 200, resource(bucket, name));
    } else {
      Http.respond(
          exchange,
          400,
          Http.error(
              400, "the loopback does not answer " + method + " " + exchange.getRequestURI()));
    }
  }

  /** A multipart/related upload: the object's JSON metadata, then its content. */
  private JsonObject multipart(HttpExchange exchange, byte[] body) {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    String boundary =
        "--" + type.substring(type.indexOf("boundary=") + "boundary=".length()).replace("\"", "");
    String text = new String(body, StandardCharsets.ISO_8859_1);
    int first = text.indexOf(boundary) + boundary.length();
    int second = text.indexOf(boundary, first);
    int third = text.indexOf(boundary, second + boundary.length());
    JsonObject metadata =
        JsonParser.parseString(content(text.substring(first, second))).getAsJsonObject();
    metadata.addProperty("__content", content(text.substring(second + boundary.length(), third)));
    return metadata;
  }

  /** A part's body: after its headers, without the line break before the next boundary. */
  private static String content(String part) {
    String body = part.substring(part.indexOf("\r\n\r\n") + 4);
    return body.endsWith("\r\n") ? body.substring(0, body.length() - 2) : body;
  }

  /** Keeps an uploaded object; returns its name. */
  private String store(String bucket, JsonObject metadata) {
    String name = metadata.get("name").getAsString();
    byte[] content =
        metadata.remove("__content").getAsString().getBytes(StandardCharsets.ISO_8859_1);
    objects.put(bucket + "/" + name, content);
    contentTypes.put(
        bucket + "/" + name,
        metadata.has("contentType")
            ? metadata.get("contentType").getAsString()
            : "application/octet-stream");
    return name;
  }

  private JsonObject resource(String bucket, String name) {
    JsonObject object = new JsonObject();
    object.addProperty("kind", "storage#object");
    object.addProperty("bucket", bucket);
    object.addProperty("name", name);
    object.addProperty("generation", "1");
    byte[] content = objects.get(bucket + "/" + name);
    object.addProperty("size", Integer.toString(content == null ? 0 : content.length));
    object.addProperty(
        "contentType", contentTypes.getOrDefault(bucket + "/" + name, "application/octet-stream"));
    return object;
  }

  private static String parameter(String query, String name) {
    return AMPERSAND
        .splitAsStream(query)
        .filter(pair -> pair.startsWith(name + "="))
        .map(pair -> pair.substring(name.length() + 1))
        .findFirst()
        .orElse(null);
  }

  private static String decode(String encoded) {
    return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
