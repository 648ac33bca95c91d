package com.nbaprops.pcf.message;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 8259 JSON and nothing more: no comments, no unquoted keys or strings, no single quotes, no
 * trailing content, and no key twice in one object (Gson's own reader takes the last of duplicate
 * keys, so {@code "force":false,"force":true} would pass as forced).
 */
final class StrictJson {
  private static final int MAX_DEPTH = 32;
  private static final Pattern POSITION = Pattern.compile("at line \\d+ column \\d+");

  private StrictJson() {}

  /** The parsed value; {@link InvalidMessageException} saying what is wrong otherwise. */
  static JsonElement parse(String json) {
    try (JsonReader reader = new JsonReader(new StringReader(json))) {
      reader.setStrictness(Strictness.STRICT);
      JsonElement value = read(reader, 0);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new InvalidMessageException("message data has content after the JSON value");
      }
      return value;
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      throw new InvalidMessageException(
          "message data is not JSON (" + where(e) + "): " + JsonFields.abbreviate(json));
    }
  }

  /**
   * Gson's position of the error, without its advice to parse leniently, which is ours to refuse.
   */
  private static String where(Exception e) {
    Matcher position = POSITION.matcher(String.valueOf(e.getMessage()));
    return position.find() ? "malformed " + position.group() : "malformed";
  }

  private static JsonElement read(JsonReader reader, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new InvalidMessageException("message data nests deeper than " + MAX_DEPTH + " levels");
    }
    return switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        JsonObject object = new JsonObject();
        Set<String> keys = new HashSet<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String key = reader.nextName();
          if (!keys.add(key)) {
            throw new InvalidMessageException(
                "field '" + JsonFields.abbreviate(key) + "' appears more than once");
          }
          object.add(key, read(reader, depth + 1));
        }
        reader.endObject();
        yield object;
      }
      case BEGIN_ARRAY -> {
        JsonArray array = new JsonArray();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(read(reader, depth + 1));
        }
        reader.endArray();
        yield array;
      }
      case STRING -> new JsonPrimitive(reader.nextString());
      case NUMBER -> new JsonPrimitive(new LazilyParsedNumber(reader.nextString()));
      case BOOLEAN -> new JsonPrimitive(reader.nextBoolean());
      case NULL -> {
        reader.nextNull();
        yield JsonNull.INSTANCE;
      }
      default -> throw new InvalidMessageException("message data is not a JSON value");
    };
  }
}
