package com.nbaprops.pcf.adapter.bigquery;

import com.google.cloud.bigquery.Clustering;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TimePartitioning;
import com.nbaprops.pcf.table.Column;
import com.nbaprops.pcf.table.ColumnType;
import com.nbaprops.pcf.table.TableDefinition;
import java.util.List;

/** The shared table definitions as BigQuery schemas and table resources. */
final class BigQuerySchemas {
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

  static Schema schema(TableDefinition table) {
    return Schema.of(table.columns().stream().map(BigQuerySchemas::field).toList());
  }

  private static Field field(Column column) {
    return Field.newBuilder(column.name(), type(column.type()))
        .setMode(column.required() ? Field.Mode.REQUIRED : Field.Mode.NULLABLE)
        .setDescription(column.description())
        .build();
  }

  /** A day-partitioned, clustered table, requiring a partition filter where the definition says so. */
  static TableInfo tableInfo(TableId id, TableDefinition table) {
    StandardTableDefinition.Builder definition = StandardTableDefinition.newBuilder().setSchema(schema(table));
    if (table.partitionColumn() != null) {
      definition.setTimePartitioning(
          TimePartitioning.newBuilder(TimePartitioning.Type.DAY).setField(table.partitionColumn()).build());
    }
    if (!table.clustering().isEmpty()) {
      definition.setClustering(Clustering.newBuilder().setFields(List.copyOf(table.clustering())).build());
    }
    return TableInfo.newBuilder(id, definition.build())
        .setDescription(table.description())
        .setRequirePartitionFilter(table.partitionColumn() != null && table.requirePartitionFilter())
        .build();
  }
}
