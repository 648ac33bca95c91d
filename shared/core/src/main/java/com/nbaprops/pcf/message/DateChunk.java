package com.nbaprops.pcf.message;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The messages of a chunk of dates published as one, {@code {"run_id": ..., "outcomes": [...]}}:
 * each item is what its date's message would be alone, so the next function checks or writes the
 * chunk in one go and still judges every date on its own. composite-factors publishes its outcomes
 * so ({@link #OUTCOMES}), coverage-validation its verdicts ({@link #VERDICTS}).
 */
public record DateChunk<T extends DateChunk.Item>(Shape<T> shape, String runId, List<T> items) {
  /** What one date's message in a chunk has. */
  public interface Item {
    String runId();

    LocalDate analysisDate();

    JsonObject toJsonObject();
  }

  /** How a chunk of one kind of message reads and writes: the field holding its items. */
  public record Shape<T extends Item>(String field, Function<JsonFields, T> item) {
    /** Whether {@code fields} are a chunk of this shape, not one date's message. */
    public boolean isMeant(JsonFields fields) {
      return fields.has(field);
    }

    public DateChunk<T> of(String runId, List<T> items) {
      return new DateChunk<>(this, runId, items);
    }

    /** The chunk {@code fields} hold: read once, each item from its own object. */
    public DateChunk<T> read(JsonFields fields) {
      fields.allowOnly(Set.of("run_id", field));
      return of(fields.requireRunId(), fields.requireObjects(field).stream().map(item).toList());
    }

    public DateChunk<T> fromJson(String json) {
      return read(JsonFields.parse(json));
    }

    /** Every date a message on the topic holds: a chunk's, or the one of a single date's. */
    public List<T> in(String json) {
      JsonFields fields = JsonFields.parse(json);
      return isMeant(fields) ? read(fields).items() : List.of(item.apply(fields));
    }

    private String itemName() {
      return field.substring(0, field.length() - 1);
    }
  }

  /** composite-factors' outcome of each date of a chunk, on {@code composite-factors-computed}. */
  public static final Shape<FactorsComputed> OUTCOMES =
      new Shape<>("outcomes", FactorsComputed::from);

  /** coverage-validation's verdict on each date of a chunk, on {@code coverage-validated}. */
  public static final Shape<CoverageValidated> VERDICTS =
      new Shape<>("verdicts", CoverageValidated::from);

  public DateChunk {
    requireNonNull(shape, "shape");
    requireNonNull(runId, "runId");
    items = List.copyOf(items);
    if (items.isEmpty()) {
      throw new InvalidMessageException("a chunk's " + shape.field() + " hold at least one date");
    }
    for (T item : items) {
      if (!item.runId().equals(runId)) {
        throw new InvalidMessageException(
            "the "
                + shape.itemName()
                + " of "
                + item.analysisDate()
                + " belongs to another run than its chunk");
      }
    }
  }

  public List<LocalDate> dates() {
    return items.stream().map(Item::analysisDate).toList();
  }

  public String toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("run_id", runId);
    JsonArray array = new JsonArray();
    items.forEach(item -> array.add(item.toJsonObject()));
    json.add(shape.field(), array);
    return json.toString();
  }
}
