package org.aimonitor.download;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import org.aimonitor.store.CsvTable;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes rows in the import format of the seed files (RFC 4180, header row, LF endings, the
 * table's column order, cells as stored), with cells that a spreadsheet would run as a formula
 * neutralised as OWASP advises.
 */
public final class CsvExport {

  /** The media type of every CSV download. */
  public static final String CONTENT_TYPE = "text/csv; charset=utf-8";

  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

  private CsvExport() {
  }

  /**
   * A cell safe to open in a spreadsheet: one starting with {@code =}, {@code +}, {@code -},
   * {@code @}, tab or carriage return gets a leading {@code '}, unless it is a plain number
   * ("-3.5" is data, "-2+3" or "=HYPERLINK(…)" is a formula). Everything else is unchanged, so
   * clean data (the whole seed dataset) exports byte for byte as stored.
   */
  public static String neutralise(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell == null ? "" : cell;
    }
    char c = cell.charAt(0);
    boolean trigger = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    if (!trigger || ((c == '+' || c == '-') && NUMBER.matcher(cell).matches())) {
      return cell;
    }
    return "'" + cell;
  }

  /** The CSV text: header row with the table's columns, then every row neutralised. */
  public static String write(CsvTable table, List<List<String>> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CsvTable.format())) {
      printer.printRecord(table.columns());
      for (List<String> row : rows) {
        if (row.size() != table.columns().size()) {
          throw new IllegalArgumentException(table.fileName() + ": row has " + row.size()
              + " cells, the table has " + table.columns().size() + " columns");
        }
        printer.printRecord(row.stream().map(CsvExport::neutralise).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
