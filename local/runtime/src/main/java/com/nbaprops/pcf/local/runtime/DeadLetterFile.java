package com.nbaprops.pcf.local.runtime;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nbaprops.pcf.adapter.embedded.LocalEventBus.DeadLetter;
import com.nbaprops.pcf.adapter.embedded.LocalEventBus.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The embedded bus's dead-letter topic: one JSON line per dead letter in {@code dead-letters.jsonl}
 * under the pipeline home, kept across runs until it is replayed. Removal rewrites the file to a
 * temporary one and moves it into place, so a crash leaves the old file or the new one.
 */
public final class DeadLetterFile {
  /** A dead letter as kept. */
  public record Entry(
      String id,
      String topic,
      String subscription,
      int attempts,
      String lastError,
      String data,
      Map<String, String> attributes) {}

  private final Path file;

  public DeadLetterFile(Path home) {
    this.file = home.resolve("dead-letters.jsonl");
  }

  public synchronized void append(DeadLetter letter) {
    Message message = letter.message();
    Entry entry =
        new Entry(
            message.id(),
            message.topic(),
            letter.subscription(),
            letter.attempts(),
            letter.lastError(),
            message.data(),
            message.attributes());
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          json(entry) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the dead letter in " + file, e);
    }
  }

  private static String json(Entry entry) {
    JsonObject line = new JsonObject();
    line.addProperty("id", entry.id());
    line.addProperty("topic", entry.topic());
    line.addProperty("subscription", entry.subscription());
    line.addProperty("attempts", entry.attempts());
    line.addProperty("last_error", entry.lastError());
    line.addProperty("data", entry.data());
    JsonObject attributes = new JsonObject();
    entry.attributes().forEach(attributes::addProperty);
    line.add("attributes", attributes);
    return line.toString();
  }

  /**
   * The dead letters kept. A last line cut short (the process died while appending it) is passed
   * over; any other line that is not an entry is an error naming the line.
   */
  public synchronized List<Entry> entries() {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        entries.add(entry(lines.get(i)));
      } catch (RuntimeException e) {
        if (i < lines.size() - 1) {
          throw new IllegalStateException(file + " line " + (i + 1) + " is not a dead letter", e);
        }
      }
    }
    return entries;
  }

  private static Entry entry(String line) {
    JsonObject json = JsonParser.parseString(line).getAsJsonObject();
    Map<String, String> attributes = new TreeMap<>();
    json.getAsJsonObject("attributes")
        .entrySet()
        .forEach(e -> attributes.put(e.getKey(), e.getValue().getAsString()));
    return new Entry(
        json.get("id").getAsString(),
        json.get("topic").getAsString(),
        json.get("subscription").getAsString(),
        json.get("attempts").getAsInt(),
        json.get("last_error").getAsString(),
        json.get("data").getAsString(),
        Map.copyOf(attributes));
  }

  /** Drops the entries with these ids (replayed ones). */
  public synchronized void remove(Set<String> ids) {
    List<String> kept =
        entries().stream()
            .filter(entry -> !ids.contains(entry.id()))
            .map(DeadLetterFile::json)
            .toList();
    try {
      Path next = file.resolveSibling(file.getFileName() + ".next");
      Files.write(next, kept, StandardCharsets.UTF_8);
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite " + file, e);
    }
  }
}
