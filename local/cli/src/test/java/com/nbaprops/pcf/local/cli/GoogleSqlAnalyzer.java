package com.nbaprops.pcf.local.cli;

import com.google.zetasql.Analyzer;
import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.LanguageOptions;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SimpleColumn;
import com.google.zetasql.SimpleTable;
import com.google.zetasql.SqlException;
import com.google.zetasql.Type;
import com.google.zetasql.TypeFactory;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import com.google.zetasql.ZetaSQLType.TypeKind;
import com.nbaprops.pcf.sql.ColumnType;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Dataset;
import com.nbaprops.pcf.table.TableDefinition;
import java.util.List;
import java.util.Optional;

/**
 * BigQuery's SQL front end (the ZetaSQL analyzer) over a catalog built from the shared table
 * definitions: a statement that names a missing column, compares a DATE with an INT64 parameter or
 * uses a function GoogleSQL lacks is refused here as BigQuery would refuse it.
 */
final class GoogleSqlAnalyzer {
  private final SimpleCatalog catalog = new SimpleCatalog("bigquery");
  private final LanguageOptions language = new LanguageOptions().enableMaximumLanguageFeatures();

  GoogleSqlAnalyzer(Catalog names, List<TableDefinition> tables) {
    language.setSupportsAllStatementKinds();
    catalog.addZetaSQLFunctionsAndTypes(new ZetaSQLBuiltinFunctionOptions(language));
    for (Dataset dataset : Dataset.values()) {
      SimpleCatalog datasetCatalog = new SimpleCatalog(names.datasetName(dataset));
      for (TableDefinition table : tables) {
        if (table.dataset() == dataset) {
          datasetCatalog.addSimpleTable(
              new SimpleTable(
                  table.name(),
                  table.columns().stream()
                      .map(
                          column ->
                              new SimpleColumn(table.name(), column.name(), type(column.type())))
                      .toList()));
        }
      }
      catalog.addSimpleCatalog(datasetCatalog);
    }
  }

  SimpleCatalog catalog() {
    return catalog;
  }

  /** The analyzer's options for {@code sql}: the language, and its parameters' types. */
  AnalyzerOptions options(Sql sql) {
    AnalyzerOptions options = new AnalyzerOptions();
    options.setLanguageOptions(language);
    sql.parameters()
        .forEach((name, parameter) -> options.addQueryParameter(name, type(parameter.type())));
    return options;
  }

  static Type type(ColumnType type) {
    return TypeFactory.createSimpleType(
        switch (type) {
          case STRING -> TypeKind.TYPE_STRING;
          case INT64 -> TypeKind.TYPE_INT64;
          case FLOAT64 -> TypeKind.TYPE_DOUBLE;
          case BOOL -> TypeKind.TYPE_BOOL;
          case DATE -> TypeKind.TYPE_DATE;
          case TIMESTAMP -> TypeKind.TYPE_TIMESTAMP;
        });
  }

  /**
   * The analyzer's error for {@code sql} with its declared parameters, or empty when BigQuery would
   * accept it.
   */
  Optional<String> problem(Sql sql) {
    try {
      Analyzer.analyzeStatement(sql.text(), options(sql), catalog);
      return Optional.empty();
    } catch (SqlException e) {
      return Optional.of(e.getMessage());
    }
  }
}
