package com.nbaprops.pcf.loopback;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * What the loopback servers share: reading a request body, answering JSON, Google's error shape.
 */
final class Http {
  private Http() {}

  /** The request body, un-gzipped when the client compressed it. */
  static byte[] body(HttpExchange exchange) throws IOException {
    byte[] raw = exchange.getRequestBody().readAllBytes();
    boolean gzip =
        "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
    if (!gzip) {
      return raw;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      return in.readAllBytes();
    }
  }

  static void respond(HttpExchange exchange, int status, JsonObject body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  static JsonObject error(int code, String message) {
    JsonObject error = new JsonObject();
    error.addProperty("code", code);
    error.addProperty("message", message);
    JsonObject body = new JsonObject();
    body.add("error", error);
    return body;
  }

  /** Google's error shape with the one error's {@code reason}, as BigQuery answers a failed job. */
  static JsonObject error(int code, String reason, String message) {
    JsonObject body = error(code, message);
    JsonObject detail = new JsonObject();
    detail.addProperty("reason", reason);
    detail.addProperty("message", message);
    com.google.gson.JsonArray errors = new com.google.gson.JsonArray();
    errors.add(detail);
    body.getAsJsonObject("error").add("errors", errors);
    return body;
  }
}
