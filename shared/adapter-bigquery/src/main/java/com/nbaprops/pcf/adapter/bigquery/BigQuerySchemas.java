package com.nbaprops.pcf.adapter.bigquery;

import com.google.cloud.bigquery.Clustering;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TimePartitioning;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.nbaprops.pcf.sql.ColumnType;
import com.nbaprops.pcf.table.Column;
import com.nbaprops.pcf.table.TableDefinition;
import java.util.List;

/** The shared table definitions as BigQuery schemas, schema files and table resources. */
public final class BigQuerySchemas {
  private BigQuerySchemas() {}

  static StandardSQLTypeName type(ColumnType type) {
    return switch (type) {
      case STRING -> StandardSQLTypeName.STRING;
      case INT64 -> StandardSQLTypeName.INT64;
      case FLOAT64 -> StandardSQLTypeName.FLOAT64;
      case BOOL -> StandardSQLTypeName.BOOL;
      case DATE -> StandardSQLTypeName.DATE;
      case TIMESTAMP -> StandardSQLTypeName.TIMESTAMP;
    };
  }

  /**
   * The schema as BigQuery's JSON schema file, the form Terraform's {@code
   * google_bigquery_table.schema} takes. Types use the names the BigQuery API returns (INTEGER,
   * FLOAT, BOOLEAN), so a plan shows no difference after apply.
   */
  public static String json(TableDefinition table) {
    JsonArray fields = new JsonArray();
    for (Field field : schema(table).getFields()) {
      JsonObject json = new JsonObject();
      json.addProperty("name", field.getName());
      json.addProperty("type", field.getType().name());
      json.addProperty("mode", field.getMode().name());
      json.addProperty("description", field.getDescription());
      fields.add(json);
    }
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(fields)
        + "\n";
  }

  static Schema schema(TableDefinition table) {
    return Schema.of(table.columns().stream().map(BigQuerySchemas::field).toList());
  }

  private static Field field(Column column) {
    return Field.newBuilder(column.name(), type(column.type()))
        .setMode(column.required() ? Field.Mode.REQUIRED : Field.Mode.NULLABLE)
        .setDescription(column.description())
        .build();
  }

  /**
   * A day-partitioned, clustered table, requiring a partition filter where the definition says so.
   */
  static TableInfo tableInfo(TableId id, TableDefinition table) {
    StandardTableDefinition.Builder definition =
        StandardTableDefinition.newBuilder().setSchema(schema(table));
    if (table.partitionColumn() != null) {
      definition.setTimePartitioning(
          TimePartitioning.newBuilder(TimePartitioning.Type.DAY)
              .setField(table.partitionColumn())
              .build());
    }
    if (!table.clustering().isEmpty()) {
      definition.setClustering(
          Clustering.newBuilder().setFields(List.copyOf(table.clustering())).build());
    }
    return TableInfo.newBuilder(id, definition.build())
        .setDescription(table.description())
        .setRequirePartitionFilter(
            table.partitionColumn() != null && table.requirePartitionFilter())
        .build();
  }
}
