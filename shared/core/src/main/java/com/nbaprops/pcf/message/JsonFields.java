package com.nbaprops.pcf.message;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Strict reading of a JSON message object: every field checked for presence, type and format. */
public final class JsonFields {
  private static final DateTimeFormatter ISO_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  /** The league's first game; no date before it can have data. */
  public static final LocalDate FIRST_GAME = LocalDate.of(1946, 11, 1);

  /** BigQuery's last DATE. */
  public static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  /**
   * Spellings people and older tools use for backfill_mode; named in the error so the fix is
   * obvious.
   */
  private static final Map<String, String> KNOWN_MISSPELLINGS =
      Map.of(
          "isbackfill", "backfill_mode",
          "backfill", "backfill_mode",
          "isbackfil", "backfill_mode",
          "date", "analysis_date",
          "gamedate", "analysis_date",
          "start", "start_date",
          "end", "end_date");

  private final JsonObject object;

  private JsonFields(JsonObject object) {
    this.object = object;
  }

  public static JsonFields parse(String json) {
    JsonElement element = StrictJson.parse(json);
    if (!element.isJsonObject()) {
      throw new InvalidMessageException(
          "message data must be a JSON object, got: " + abbreviate(json));
    }
    return new JsonFields(element.getAsJsonObject());
  }

  /** Rejects any key not in {@code allowed}, naming the intended key when the spelling is close. */
  public JsonFields allowOnly(Set<String> allowed) {
    Set<String> unknown = new TreeSet<>(object.keySet());
    unknown.removeAll(allowed);
    if (unknown.isEmpty()) {
      return this;
    }
    StringBuilder message = new StringBuilder();
    for (String key : unknown) {
      message
          .append(message.length() == 0 ? "" : "; ")
          .append("unknown field '")
          .append(key)
          .append('\'');
      suggestion(key, allowed)
          .ifPresent(s -> message.append(" (did you mean '").append(s).append("'?)"));
    }
    message.append("; allowed fields: ").append(new TreeSet<>(allowed));
    throw new InvalidMessageException(message.toString());
  }

  public boolean has(String key) {
    return object.has(key) && !object.get(key).isJsonNull();
  }

  public String requireString(String key) {
    return optionalString(key)
        .orElseThrow(() -> new InvalidMessageException("missing required field '" + key + "'"));
  }

  public Optional<String> optionalString(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonElement value = object.get(key);
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw new InvalidMessageException("field '" + key + "' must be a string, got " + value);
    }
    return Optional.of(value.getAsString());
  }

  /** The object in field {@code key}, read as fields of its own; empty when absent. */
  public Optional<JsonFields> optionalObject(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonElement value = object.get(key);
    if (!value.isJsonObject()) {
      throw new InvalidMessageException(
          "field '" + key + "' must be an object, got " + abbreviate(value.toString()));
    }
    return Optional.of(new JsonFields(value.getAsJsonObject()));
  }

  /** Every field of this object, each a string (a Pub/Sub message's attributes). */
  public Map<String, String> strings() {
    Map<String, String> strings = new LinkedHashMap<>();
    object.keySet().forEach(key -> strings.put(key, requireString(key)));
    return strings;
  }

  /** The value of a field that holds one of an enum's names. */
  public <E extends Enum<E>> Optional<E> optionalEnum(String key, Class<E> type) {
    return optionalString(key).map(value -> enumValue(key, value, type));
  }

  public <E extends Enum<E>> E requireEnum(String key, Class<E> type) {
    return enumValue(key, requireString(key), type);
  }

  private static <E extends Enum<E>> E enumValue(String key, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidMessageException(
          "field '" + key + "' has unknown value '" + abbreviate(value) + "'");
    }
  }

  public boolean optionalBoolean(String key, boolean fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonElement value = object.get(key);
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
      throw new InvalidMessageException("field '" + key + "' must be true or false, got " + value);
    }
    return value.getAsBoolean();
  }

  public Optional<Integer> optionalInt(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonElement value = object.get(key);
    if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
      JsonPrimitive number = value.getAsJsonPrimitive();
      double d = number.getAsDouble();
      if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
        return Optional.of((int) d);
      }
    }
    throw new InvalidMessageException("field '" + key + "' must be a whole number, got " + value);
  }

  /** A count: a whole number, zero or more; 0 when absent. */
  public int optionalCount(String key) {
    int value = optionalInt(key).orElse(0);
    if (value < 0) {
      throw new InvalidMessageException("field '" + key + "' must not be negative, got " + value);
    }
    return value;
  }

  /** {@code json} as an object, to nest one message's JSON in another's. */
  static JsonObject object(String json) {
    return StrictJson.parse(json).getAsJsonObject();
  }

  /** A field holding an array of ISO dates, each checked as {@link #requireDate} checks one. */
  public List<LocalDate> requireDates(String key) {
    return requireArray(key).stream()
        .map(
            element -> {
              if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
                throw new InvalidMessageException(
                    "field '" + key + "' must hold dates as strings, got " + element);
              }
              return date(key, element.getAsString());
            })
        .toList();
  }

  /** A field holding an array of objects, each as its JSON text. */
  /** The objects of array {@code key}, each read as fields of its own (parsed once, with this). */
  public List<JsonFields> requireObjects(String key) {
    return requireArray(key).stream()
        .map(
            element -> {
              if (!element.isJsonObject()) {
                throw new InvalidMessageException(
                    "field '" + key + "' must hold objects, got " + abbreviate(element.toString()));
              }
              return new JsonFields(element.getAsJsonObject());
            })
        .toList();
  }

  private List<JsonElement> requireArray(String key) {
    if (!has(key)) {
      throw new InvalidMessageException("missing required field '" + key + "'");
    }
    JsonElement value = object.get(key);
    if (!value.isJsonArray()) {
      throw new InvalidMessageException(
          "field '" + key + "' must be an array, got " + abbreviate(value.toString()));
    }
    List<JsonElement> elements = new ArrayList<>();
    value.getAsJsonArray().forEach(elements::add);
    return elements;
  }

  public LocalDate requireDate(String key) {
    return date(key, requireString(key));
  }

  /** Whether {@code text} is safe as a run id. */
  public static boolean isRunId(String text) {
    return text != null && RUN_ID.matcher(text).matches();
  }

  /** A run id given by the sender, checked to be safe in logs, labels and object names. */
  /** The run id a message of the chain must carry. */
  public String requireRunId() {
    return optionalRunId()
        .orElseThrow(() -> new InvalidMessageException("missing required field 'run_id'"));
  }

  public Optional<String> optionalRunId() {
    Optional<String> runId = optionalString("run_id");
    runId.ifPresent(
        id -> {
          if (!RUN_ID.matcher(id).matches()) {
            throw new InvalidMessageException(
                "field 'run_id' must be 1-128 letters, digits, '.', '_', ':' or '-', got '"
                    + abbreviate(id)
                    + "'");
          }
        });
    return runId;
  }

  /**
   * A date of the league's history: from its first game (1946-11-01) to the last day BigQuery's
   * DATE holds. Anything else is a typo or an attack, and would only fail later, deeper, and as if
   * it were transient.
   */
  public static LocalDate date(String key, String text) {
    LocalDate date;
    try {
      date = LocalDate.parse(text, ISO_DATE);
    } catch (DateTimeParseException e) {
      throw new InvalidMessageException(
          "field '" + key + "' is not a valid date (YYYY-MM-DD): '" + abbreviate(text) + "'");
    }
    if (date.isBefore(FIRST_GAME) || date.isAfter(LAST_DATE)) {
      throw new InvalidMessageException(
          "field '"
              + key
              + "' is "
              + date
              + ", outside the league's dates ("
              + FIRST_GAME
              + " to "
              + LAST_DATE
              + ")");
    }
    return date;
  }

  private static Optional<String> suggestion(String key, Set<String> allowed) {
    String folded = fold(key);
    for (String candidate : allowed) {
      if (fold(candidate).equals(folded)) {
        return Optional.of(candidate);
      }
    }
    String known = KNOWN_MISSPELLINGS.get(folded);
    return known != null && allowed.contains(known) ? Optional.of(known) : Optional.empty();
  }

  private static String fold(String key) {
    return key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }

  public static String abbreviate(String text) {
    if (text == null) {
      return "null";
    }
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
