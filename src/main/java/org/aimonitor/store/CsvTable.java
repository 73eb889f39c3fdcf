package org.aimonitor.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV files of the dataset, in import order (reference data first, schedules last): their columns, and how a row becomes a record. Parsing is
 * RFC 4180 by Commons CSV; every problem is reported as {@code file:line:column: message}.
 */
public enum CsvTable {
  // Declared in dependency order: a table's references point only at tables above it (and a
  // region at its parent region).
  LANGUAGES("languages.csv", "language", List.of("language"), List.of("language", "name_en", "name_zh")),
  CATEGORIES("categories.csv", "category", List.of("category"), List.of("category", "name_en", "name_zh")),
  UNITS("units.csv", "unit", List.of("unit"), List.of("unit", "name_en", "name_zh", "format_en",
      "format_zh", "zh_exponent", "zh_magnitudes")),
  REGIONS("regions.csv", "region", List.of("code"), List.of("code", "name_en", "name_zh", "parent",
      "level")),
  // Short forms readers type for a place (粤, 京): reference data for search.
  ALIASES("aliases.csv", "alias", List.of("alias", "region"), List.of("alias", "region", "note")),
  SOURCES("sources.csv", "source", List.of("id"), List.of("id", "publisher", "title", "url",
      "published_on", "language", "reliability", "note")),
  INDICATORS("indicators.csv", "indicator", List.of("code"), List.of("code", "category", "name_en",
      "name_zh", "unit", "unit_en", "unit_zh", "decimals", "definition_en", "definition_zh",
      "measure")),
  OBSERVATIONS("observations.csv", "observation", List.of("indicator", "region", "period", "source"),
      List.of("indicator", "region", "period", "value", "qualifier", "source", "headline", "note",
          "break_before", "doubtful", "note_zh")),
  EVENTS("events.csv", "event", List.of("date", "title_en"), List.of("date", "category", "title_en",
      "title_zh", "description_en", "description_zh", "source")),
  SCHEDULES("schedules.csv", "schedule", List.of("series"), List.of("series", "publisher", "name_en",
      "name_zh", "indicators", "cadence", "release_months", "lag_months", "grace_months", "basis",
      "basis_url", "evidence", "note"));

  private final String fileName;
  private final String sqlTable;
  private final List<String> key;
  private final List<String> columns;

  CsvTable(String fileName, String sqlTable, List<String> key, List<String> columns) {
    this.fileName = fileName;
    this.sqlTable = sqlTable;
    this.key = key;
    this.columns = columns;
  }

  /**
   * Columns a file may leave out, with the value each row then has: an observation's
   * {@code break_before} and {@code doubtful} flags are 0 unless a file says otherwise, so files
   * written before the flags existed still import (and set the flags of their rows to 0). The
   * Chinese texts ({@code note_zh}, {@code description_zh}) are empty unless a file gives them.
   */
  public Map<String, String> optional() {
    return switch (this) {
      case OBSERVATIONS -> Map.of("break_before", "0", "doubtful", "0", "note_zh", "");
      // chinese: a file without the Chinese texts imports, its rows then have none.
      case EVENTS -> Map.of("description_zh", "");
      default -> Map.of();
    };
  }

  /**
   * The database column a CSV column is stored in: its own name, except the key of the
   * categories, languages and units files, which is named after the file so that each file's
   * header tells it apart (a category and a language both have a code and two names).
   */
  public String sqlColumn(String csvColumn) {
    boolean namedKey = (this == LANGUAGES || this == CATEGORIES || this == UNITS)
        && csvColumn.equals(key.get(0));
    return namedKey ? "code" : csvColumn;
  }

  /** The database table the file's rows go to. */
  public String sqlTable() {
    return sqlTable;
  }

  /** The columns that identify a row: a second row with the same key is the same thing. */
  public List<String> key() {
    return key;
  }

  /** The table whose header has exactly these column names, if any. */
  public static java.util.Optional<CsvTable> byHeader(java.util.Collection<String> header) {
    java.util.Set<String> names = new java.util.HashSet<>(header);
    return java.util.Arrays.stream(values())
        .filter(t -> t.columns.containsAll(names) && names.containsAll(t.required()))
        .findFirst();
  }

  /** The columns every file of this table must have. */
  public List<String> required() {
    return columns.stream().filter(c -> !optional().containsKey(c)).toList();
  }

  /** The table whose columns best match a header, to name its missing and unknown columns. */
  public static CsvTable closestTo(java.util.Collection<String> header) {
    return java.util.Arrays.stream(values())
        .max(java.util.Comparator.comparingLong(t -> header.stream().filter(t.columns::contains).count()))
        .orElseThrow();
  }

  /** The table whose file is named {@code fileName} ("observations.csv"), if any. */
  public static java.util.Optional<CsvTable> byFileName(String fileName) {
    return java.util.Arrays.stream(values()).filter(t -> t.fileName().equals(fileName)).findFirst();
  }

  public String fileName() {
    return fileName;
  }

  public List<String> columns() {
    return columns;
  }

  /** The CSV dialect of the seed files: RFC 4180, header row, LF line endings on output. */
  public static CSVFormat format() {
    return CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
  }

  /**
   * One data row, with what is needed to point at a cell in an error message: a CSV line, or a
   * workbook row ({@code sheet} not null, {@code line} the row number a spreadsheet shows);
   * {@code defaults} are the values of optional columns the file leaves out.
   */
  public record Row(String file, String sheet, long line, Map<String, Integer> index,
      List<String> cells, Map<String, String> defaults) {

    /** The cell of {@code column}, or its default when the file leaves the column out. */
    public String get(String column) {
      Integer i = index.get(column);
      return i == null ? defaults.get(column) : cells.get(i);
    }

    public DataError error(String column, String message) {
      return sheet == null ? new DataError(file, line, index.get(column) + 1, message)
          : new DataError(file, line, index.get(column) + 1, message, sheet, column);
    }
  }

  /**
   * Whether a column holds a decimal number compared as a number ("508.0" is "508"): written as
   * a number in workbooks, and read back from one.
   */
  public boolean isDecimal(String column) {
    return this == OBSERVATIONS && column.equals("value");
  }

  /**
   * The problems of a header ({@code index}: column name to its 0-based position): each of this
   * table's columns missing, each unknown column. {@code sheet} is null for a CSV file.
   */
  public List<DataError> headerErrors(String file, String sheet, Map<String, Integer> index) {
    List<DataError> errors = new ArrayList<>();
    for (String column : required()) {
      if (!index.containsKey(column)) {
        errors.add(new DataError(file, 1, 1, "missing column \"" + column + "\"", sheet, null));
      }
    }
    for (Map.Entry<String, Integer> e : index.entrySet()) {
      if (!columns.contains(e.getKey())) {
        errors.add(new DataError(file, 1, e.getValue() + 1, "unknown column \"" + e.getKey() + "\"",
            sheet, sheet == null ? null : e.getKey()));
      }
    }
    return errors;
  }

  private static String malformed(RuntimeException e) {
    String detail = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
    if (detail.contains("EOF reached before encapsulated token finished")) {
      return "a quoted field is never closed (unterminated \")";
    }
    return "malformed CSV: " + detail.replaceFirst("^\\(startline \\d+\\) ", "");
  }

  /** Reads all rows of {@code reader}, checking the header names against this table's columns. */
  public List<Row> read(String file, Reader reader) {
    List<Row> rows = new ArrayList<>();
    List<DataError> errors = new ArrayList<>();
    stream(file, reader, rows::add, errors::add);
    if (!errors.isEmpty()) {
      throw new DataException(errors);
    }
    return rows;
  }

  /**
   * Reads {@code reader} row by row without keeping the rows: each well-formed row goes to
   * {@code rows}, each located problem to {@code errors}. A header without this table's columns
   * is reported and no row is read; malformed quoting stops the reading where it is found.
   *
   * @return the number of data records read (well-formed or not)
   */
  public long stream(String file, Reader reader, Consumer<Row> rows, Consumer<DataError> errors) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      Map<String, Integer> index = parser.getHeaderMap();
      List<DataError> headerErrors = headerErrors(file, null, index);
      if (!headerErrors.isEmpty()) {
        headerErrors.forEach(errors);
        return 0;
      }
      long count = 0;
      long previousEnd = parser.getCurrentLineNumber();
      var records = parser.iterator();
      while (true) {
        long line = previousEnd + 1;
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          // Commons CSV reports malformed quoting this way; parsing cannot go on past it.
          errors.accept(new DataError(file, line, 1, malformed(e)));
          break;
        }
        count++;
        previousEnd = parser.getCurrentLineNumber();
        if (record.size() != index.size()) {
          errors.accept(new DataError(file, line, Math.min(record.size(), index.size()) + 1,
              "row has " + record.size() + " fields, the header has " + index.size()));
          continue;
        }
        rows.accept(new Row(file, null, line, index, record.toList(), optional()));
      }
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
