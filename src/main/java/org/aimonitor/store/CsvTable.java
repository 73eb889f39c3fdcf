package org.aimonitor.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The four CSV files of the dataset: their columns, and how a row becomes a record. Parsing is
 * RFC 4180 by Commons CSV; every problem is reported as {@code file:line:column: message}.
 */
public enum CsvTable {
  SOURCES("sources.csv", List.of("id", "publisher", "title", "url", "published_on", "language",
      "reliability", "note")),
  INDICATORS("indicators.csv", List.of("code", "category", "name_en", "name_zh", "unit", "unit_en",
      "unit_zh", "decimals", "definition_en", "definition_zh")),
  OBSERVATIONS("observations.csv", List.of("indicator", "region", "period", "value", "qualifier",
      "source", "headline", "note")),
  EVENTS("events.csv", List.of("date", "category", "title_en", "title_zh", "description_en",
      "source"));

  private final String fileName;
  private final List<String> columns;

  CsvTable(String fileName, List<String> columns) {
    this.fileName = fileName;
    this.columns = columns;
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

  /** One data row, with what is needed to point at a cell in an error message. */
  public record Row(String file, long line, Map<String, Integer> index, CSVRecord record) {

    public String get(String column) {
      return record.get(index.get(column));
    }

    /** Converts a cell, turning a conversion failure into a located {@link DataError}. */
    public <T> T convert(String column, Function<String, T> parser) {
      try {
        return parser.apply(get(column));
      } catch (IllegalArgumentException e) {
        throw new DataException(List.of(error(column, e.getMessage())));
      }
    }

    public DataError error(String column, String message) {
      return new DataError(file, line, index.get(column) + 1, message);
    }
  }

  /** Reads all rows of {@code reader}, checking the header names against this table's columns. */
  public List<Row> read(String file, Reader reader) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      Map<String, Integer> index = parser.getHeaderMap();
      List<DataError> errors = new ArrayList<>();
      for (String column : columns) {
        if (!index.containsKey(column)) {
          errors.add(new DataError(file, 1, 1, "missing column \"" + column + "\""));
        }
      }
      for (Map.Entry<String, Integer> e : index.entrySet()) {
        if (!columns.contains(e.getKey())) {
          errors.add(new DataError(file, 1, e.getValue() + 1, "unknown column \"" + e.getKey() + "\""));
        }
      }
      if (!errors.isEmpty()) {
        throw new DataException(errors);
      }
      List<Row> rows = new ArrayList<>();
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
          // Commons CSV reports malformed quoting this way; the row it was reading is named.
          throw new DataException(List.of(new DataError(file, line, 1, "malformed CSV: "
              + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()))));
        }
        previousEnd = parser.getCurrentLineNumber();
        if (record.size() != index.size()) {
          throw new DataException(List.of(new DataError(file, line,
              Math.min(record.size(), index.size()) + 1,
              "row has " + record.size() + " fields, the header has " + index.size())));
        }
        rows.add(new Row(file, line, index, record));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
