package com.nbaprops.pcf.table;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * A table's schema as BigQuery's JSON schema file, the form Terraform's {@code google_bigquery_table.schema} takes.
 * Types use the names the BigQuery API returns (INTEGER, FLOAT, BOOLEAN), so a plan shows no difference after apply.
 */
public final class SchemaJson {
  private SchemaJson() {}

  public static String of(TableDefinition table) {
    JsonArray fields = new JsonArray();
    for (Column column : table.columns()) {
      JsonObject field = new JsonObject();
      field.addProperty("name", column.name());
      field.addProperty("type", apiType(column.type()));
      field.addProperty("mode", column.required() ? "REQUIRED" : "NULLABLE");
      field.addProperty("description", column.description());
      fields.add(field);
    }
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(fields) + "\n";
  }

  private static String apiType(ColumnType type) {
    return switch (type) {
      case STRING -> "STRING";
      case INT64 -> "INTEGER";
      case FLOAT64 -> "FLOAT";
      case BOOL -> "BOOLEAN";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMP";
    };
  }
}
