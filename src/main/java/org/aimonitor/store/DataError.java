package org.aimonitor.store;

/**
 * A problem in an input file, located the way compilers do ({@code file:line:column: message}),
 * or, in a workbook, the way a spreadsheet user finds it:
 * {@code observations.xlsx: sheet observations, row 14, column "value": message}.
 *
 * @param sheet      the workbook sheet, or null for a CSV file
 * @param columnName the header of the column in a sheet, or null
 */
public record DataError(String file, long line, long column, String message, String sheet,
    String columnName) {

  /** A problem in a CSV file (or in a file as a whole). */
  public DataError(String file, long line, long column, String message) {
    this(file, line, column, message, null, null);
  }

  /** Where the problem is: "file:line:column", or "file: sheet s, row r, column \"c\"". */
  public String where() {
    if (sheet == null) {
      return line > 0 ? file + ":" + line + ":" + column : file;
    }
    return file + ": sheet " + sheet + (line > 0 ? ", row " + line : "")
        + (columnName != null ? ", column \"" + columnName + "\""
            : column > 0 ? ", column " + columnLetters(column) : "");
  }

  /** Column 1 is "A", 27 is "AA", as a spreadsheet labels it. */
  public static String columnLetters(long column) {
    StringBuilder s = new StringBuilder();
    for (long c = column; c > 0; c = (c - 1) / 26) {
      s.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return s.toString();
  }

  @Override
  public String toString() {
    // A problem with a file as a whole (line 0) is named by the file alone.
    return (sheet == null && line > 0 ? file + ":" + line + ":" + column : where()) + ": " + message;
  }
}
