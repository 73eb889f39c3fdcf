package org.aimonitor.store;

/**
 * One column of a CSV table, the single place its shape is declared: the CSV header name, the
 * database column it is stored in, its type, whether an empty cell is stored as NULL, the value
 * a file that leaves the column out gives it, the table its cells name a row of, and the rule
 * each cell must meet. Staging, checks, references and exports are all derived from it.
 *
 * @param name         the CSV header (and workbook header) of the column
 * @param sql          the database column
 * @param type         how the database stores a cell
 * @param nullable     an empty cell is stored as NULL (and exported as empty again)
 * @param defaultValue the value of every row of a file without this column; null when required
 * @param references   the file ({@link CsvTable#fileName()}) whose key a cell names, or null
 * @param list         the cell names several rows of {@code references}, separated by spaces
 * @param rule         what a cell must be, on its own
 */
public record Column(String name, String sql, Type type, boolean nullable, String defaultValue,
    String references, boolean list, CellRule rule) {

  /** How a cell is stored, and so how it is cast, compared and written to a workbook. */
  public enum Type {
    /** Stored as the text of the cell. */
    TEXT,
    /** Stored as an INTEGER: a number in a workbook. */
    INTEGER,
    /** Stored as its text, compared as a number ("508.0" is "508"): a number in a workbook. */
    DECIMAL
  }

  /** A text column stored under its own name, with a rule. */
  public static Column text(String name, CellRule rule) {
    return new Column(name, name, Type.TEXT, false, null, null, false, rule);
  }

  public static Column integer(String name, CellRule rule) {
    return new Column(name, name, Type.INTEGER, false, null, null, false, rule);
  }

  public static Column decimal(String name, CellRule rule) {
    return new Column(name, name, Type.DECIMAL, false, null, null, false, rule);
  }

  /** Stored in the database column {@code column}. */
  public Column storedAs(String column) {
    return new Column(name, column, type, nullable, defaultValue, references, list, rule);
  }

  /** An empty cell is stored as NULL. */
  public Column emptyAsNull() {
    return new Column(name, sql, type, true, defaultValue, references, list, rule);
  }

  /** A file may leave the column out; its rows then have {@code value}. */
  public Column optional(String value) {
    return new Column(name, sql, type, nullable, value, references, list, rule);
  }

  /** A cell names a row of {@code file} by its key (an empty cell names none). */
  public Column references(String file) {
    return new Column(name, sql, type, nullable, defaultValue, file, false, rule);
  }

  /** A cell names rows of {@code file}, separated by spaces. */
  public Column listOf(String file) {
    return new Column(name, sql, type, nullable, defaultValue, file, true, rule);
  }

  public boolean required() {
    return defaultValue == null;
  }

  /** The staged cell {@code s.<name>} (text) as the live table stores it. */
  public String stored(String alias) {
    String cell = alias + "." + name;
    String value = nullable ? "NULLIF(" + cell + ", '')" : cell;
    return type == Type.INTEGER ? "CAST(" + value + " AS INTEGER)" : value;
  }

  /** The live cell as the CSV writes it: text, empty for NULL. */
  public String asText(String alias) {
    return "coalesce(CAST(" + alias + "." + sql + " AS TEXT), '')";
  }

  /** The live cell as an export reads it: as stored, empty for NULL. */
  public String exported() {
    return nullable ? "coalesce(" + sql + ", '')" : sql;
  }
}
