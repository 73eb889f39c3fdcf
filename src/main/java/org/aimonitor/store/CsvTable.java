package org.aimonitor.store;

import static org.aimonitor.store.CellRule.any;
import static org.aimonitor.store.CellRule.emptyOr;
import static org.aimonitor.store.CellRule.flag;
import static org.aimonitor.store.CellRule.list;
import static org.aimonitor.store.CellRule.matches;
import static org.aimonitor.store.CellRule.notBlank;
import static org.aimonitor.store.CellRule.oneOf;
import static org.aimonitor.store.CellRule.parses;
import static org.aimonitor.store.CellRule.pattern;
import static org.aimonitor.store.Column.decimal;
import static org.aimonitor.store.Column.integer;
import static org.aimonitor.store.Column.text;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
  // region at its parent region). Each column is declared once, here (see Column): adding one
  // is this declaration, a migration and data/README.md.
  LANGUAGES("languages.csv", "language", List.of("language"),
      text("language", pattern(Formats.LANGUAGE, "a language code such as en, zh or fr")).storedAs("code"),
      text("name_en", notBlank()),
      text("name_zh", notBlank())),
  CATEGORIES("categories.csv", "category", List.of("category"),
      text("category", pattern(Formats.CODE, "lower-case letters, digits and underscores")).storedAs("code"),
      text("name_en", notBlank()),
      text("name_zh", notBlank())),
  UNITS("units.csv", "unit", List.of("unit"),
      text("unit", pattern(Formats.UNIT, "letters, digits and underscores")).storedAs("code"),
      text("name_en", notBlank()),
      text("name_zh", notBlank()),
      text("format_en", Formats.NUMBER_FORMAT),
      text("format_zh", Formats.NUMBER_FORMAT),
      integer("zh_exponent", (c, v) -> v.matches("-?\\d{1,2}") && Integer.parseInt(v) >= -12
          && Integer.parseInt(v) <= 18 ? null : c + " \"" + v + "\" is not a whole number from -12 to 18"),
      text("zh_magnitudes", (c, v) -> v.matches("(0|4|8|12)( (0|4|8|12))*") && CellRule.distinctItems(v)
          ? null : c + " \"" + v + "\" is not one or more of 0, 4, 8 and 12, separated by spaces")),
  REGIONS("regions.csv", "region", List.of("code"),
      text("code", pattern(Formats.REGION, "upper-case letters and digits in parts joined by"
          + " hyphens, such as CN, CN-GD or CN-GD-SZ")),
      text("name_en", notBlank()),
      text("name_zh", notBlank()),
      text("parent", emptyOr(pattern(Formats.REGION, "a region code"))).emptyAsNull().references("regions.csv"),
      text("level", oneOf(Region.LEVELS))),
  // Short forms readers type for a place (粤, 京): reference data for search.
  ALIASES("aliases.csv", "alias", List.of("alias", "region"),
      text("alias", notBlank()),
      text("region", notBlank()).references("regions.csv"),
      text("note", any())),
  SOURCES("sources.csv", "source", List.of("id"),
      text("id", pattern(Formats.SLUG, "lower-case letters, digits and hyphens")),
      text("publisher", notBlank()),
      text("title", notBlank()),
      text("url", pattern(Formats.URL, "an http(s) address")),
      text("published_on", emptyOr(parses(PartialDate::parse))).emptyAsNull(),
      text("language", notBlank()).references("languages.csv"),
      text("reliability", oneOf(Vocabulary.RELIABILITY)),
      text("note", any())),
  INDICATORS("indicators.csv", "indicator", List.of("code"),
      text("code", pattern(Formats.CODE, "lower-case letters, digits and underscores")),
      text("category", notBlank()).references("categories.csv"),
      text("name_en", notBlank()),
      text("name_zh", notBlank()),
      text("unit", notBlank()).references("units.csv"),
      text("unit_en", notBlank()),
      text("unit_zh", notBlank()),
      integer("decimals", matches("[0-6]", "is not a whole number from 0 to 6")),
      text("definition_en", notBlank()),
      text("definition_zh", notBlank()),
      text("measure", oneOf(Vocabulary.MEASURES))),
  // An observation's break_before and doubtful flags are 0 unless a file says otherwise, so
  // files written before the flags existed still import (and set the flags of their rows to 0);
  // chinese: a file without the Chinese texts imports, its rows then have none.
  OBSERVATIONS("observations.csv", "observation", List.of("indicator", "region", "period", "source"),
      text("indicator", notBlank()).references("indicators.csv"),
      text("region", notBlank()).references("regions.csv"),
      text("period", parses(Period::parse)),
      decimal("value", matches("-?\\d{1,15}(\\.\\d{1,10})?", "is not a number (a plain decimal like 12.5)")),
      text("qualifier", parses(Qualifier::parse)),
      text("source", notBlank()).references("sources.csv"),
      integer("headline", flag()),
      text("note", any()),
      integer("break_before", flag()).optional("0"),
      integer("doubtful", flag()).optional("0"),
      text("note_zh", any()).optional("")),
  EVENTS("events.csv", "event", List.of("date", "title_en"),
      text("date", (c, v) -> !Formats.EVENT_DATE.matcher(v).matches()
          ? c + " \"" + v + "\" is not YYYY-MM-DD or YYYY-MM" : parses(PartialDate::parse).test(c, v)),
      text("category", oneOf(Vocabulary.EVENT_CATEGORIES)),
      text("title_en", notBlank()),
      text("title_zh", notBlank()),
      text("description_en", any()),
      text("description_zh", any()).optional(""),
      text("source", notBlank()).references("sources.csv")),
  SCHEDULES("schedules.csv", "schedule", List.of("series"),
      text("series", pattern(Formats.SLUG, "lower-case letters, digits and hyphens")),
      text("publisher", notBlank()),
      text("name_en", notBlank()),
      text("name_zh", notBlank()),
      text("indicators", (c, v) -> v.isBlank() ? "indicators is empty: name the indicators the series feeds"
          : list(Formats.CODE, "indicator codes separated by spaces").test(c, v)).listOf("indicators.csv"),
      text("cadence", oneOf(List.of("annual", "semi-annual", "quarterly", "monthly", "irregular"))),
      text("release_months", emptyOr((c, v) -> v.matches("(1[0-2]|[1-9])( (1[0-2]|[1-9]))*")
          && CellRule.distinctItems(v) ? null : c + " \"" + v + "\" is not months 1 to 12 separated by spaces")),
      integer("lag_months", Formats.MONTHS).emptyAsNull(),
      integer("grace_months", Formats.MONTHS).emptyAsNull(),
      text("basis", oneOf(List.of("cited", "inferred"))),
      text("basis_url", emptyOr(pattern(Formats.URL, "an http(s) address"))),
      text("evidence", emptyOr(list(Formats.SLUG, "source ids separated by spaces"))).listOf("sources.csv"),
      text("note", any()));

  /** Formats several columns share (a holder, so enum constants can use them). */
  private static final class Formats {
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_]*");
    static final Pattern URL = Pattern.compile("https?://\\S+");
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    static final Pattern UNIT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]*");
    static final Pattern REGION = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+){0,3}");
    static final Pattern EVENT_DATE = Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?");
    static final CellRule NUMBER_FORMAT = (c, v) -> v.contains("{0}") ? null
        : c + " \"" + v + "\" has no {0} where the number goes";
    static final CellRule MONTHS = emptyOr((c, v) -> v.matches("\\d{1,2}") && Integer.parseInt(v) <= 24
        ? null : c + " \"" + v + "\" is not a number of months from 0 to 24");
  }

  private final String fileName;
  private final String sqlTable;
  private final List<String> key;
  private final List<Column> model;
  private final List<String> columns;
  private final Map<String, Column> byName = new LinkedHashMap<>();
  private final Map<String, String> optional = new LinkedHashMap<>();

  CsvTable(String fileName, String sqlTable, List<String> key, Column... model) {
    this.fileName = fileName;
    this.sqlTable = sqlTable;
    this.key = key;
    this.model = List.of(model);
    this.columns = this.model.stream().map(Column::name).toList();
    this.model.forEach(c -> byName.put(c.name(), c));
    this.model.stream().filter(c -> !c.required()).forEach(c -> optional.put(c.name(), c.defaultValue()));
  }

  /** The table's columns in CSV order, each with its type, storage, reference and rule. */
  public List<Column> model() {
    return model;
  }

  /** The column named {@code name} in the CSV header. */
  public Column column(String name) {
    Column c = byName.get(name);
    if (c == null) {
      throw new IllegalArgumentException(fileName + " has no column " + name);
    }
    return c;
  }

  /**
   * Columns a file may leave out, with the value each row then has (see the columns declared
   * {@link Column#optional}).
   */
  public Map<String, String> optional() {
    return java.util.Collections.unmodifiableMap(optional);
  }

  /**
   * The database column a CSV column is stored in: its own name, except the key of the
   * categories, languages and units files, which is named after the file so that each file's
   * header tells it apart (a category and a language both have a code and two names).
   */
  public String sqlColumn(String csvColumn) {
    return column(csvColumn).sql();
  }

  /** The columns whose cell names one row of another table (or this one) by its key. */
  public Map<String, CsvTable> references() {
    return references(false);
  }

  /** The columns whose cell names several rows of another table, separated by spaces. */
  public Map<String, CsvTable> listReferences() {
    return references(true);
  }

  private Map<String, CsvTable> references(boolean list) {
    Map<String, CsvTable> refs = new LinkedHashMap<>();
    model.stream().filter(c -> c.references() != null && c.list() == list)
        .forEach(c -> refs.put(c.name(), byFileName(c.references()).orElseThrow()));
    return refs;
  }

  /**
   * The SELECT that reads every row of the table as the CSV writes it (NULL as empty), cells in
   * CSV column order, rows in insertion order: the order of the imported file.
   */
  public String exportQuery() {
    return "SELECT " + model.stream().map(Column::exported).collect(java.util.stream.Collectors.joining(", "))
        + " FROM " + sqlTable + " ORDER BY rowid";
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

  /**
   * The workbook sheet the table is written to and read back from: its file's name without
   * ".csv" ("observations").
   */
  public String sheetName() {
    return fileName.replaceFirst("\\.csv$", "");
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
    return column(column).type() == Column.Type.DECIMAL;
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
