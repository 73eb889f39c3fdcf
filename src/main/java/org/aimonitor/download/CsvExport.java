package org.aimonitor.download;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aimonitor.store.SpreadsheetCells;
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

  private CsvExport() {
  }

  /** A cell safe to open in a spreadsheet in any locale ({@link SpreadsheetCells#neutralise}). */
  public static String neutralise(String cell) {
    return SpreadsheetCells.neutralise(cell);
  }

  /** Receives the rows of an export one at a time. */
  @FunctionalInterface
  public interface RowSink {
    void accept(List<String> row);
  }

  /** Produces an export's rows into a sink, inside the caller's read transaction. */
  @FunctionalInterface
  public interface RowSource {
    void writeTo(RowSink sink);
  }

  /**
   * Streams a CSV download: the header row, then each row as {@code rows} produces it, written
   * to the response (compressed when the client accepts it) without ever holding the file.
   * The data version is its validator: a request whose {@code If-None-Match} names it gets
   * 304 Not Modified and no rows are read.
   */
  public static void stream(Context ctx, String fileName, long dataVersion, CsvTable table,
      RowSource rows) {
    String etag = "W/\"csv-" + dataVersion + "\"";
    ctx.header(Header.ETAG, etag)
        .header(Header.CACHE_CONTROL, "no-cache")
        .header(Header.VARY, "Accept-Encoding");
    String ifNoneMatch = ctx.header(Header.IF_NONE_MATCH);
    if (ifNoneMatch != null && java.util.Arrays.stream(ifNoneMatch.split(","))
        .map(String::trim).anyMatch(tag -> tag.equals(etag) || ("W/" + tag).equals(etag) || tag.equals("*"))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType(CONTENT_TYPE)
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    write(ctx.outputStream(), table, rows);
  }

  /**
   * Writes a CSV file to {@code out} as the rows come: the header row with the table's columns,
   * then every row neutralised. Flushes, but leaves {@code out} open.
   */
  public static void write(OutputStream out, CsvTable table, RowSource rows) {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    try {
      CSVPrinter printer = new CSVPrinter(writer, CsvTable.format());
      printer.printRecord(table.columns());
      rows.writeTo(row -> {
        try {
          printer.printRecord(neutralised(table, row));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> neutralised(CsvTable table, List<String> row) {
    if (row.size() != table.columns().size()) {
      throw new IllegalArgumentException(table.fileName() + ": row has " + row.size()
          + " cells, the table has " + table.columns().size() + " columns");
    }
    return row.stream().map(CsvExport::neutralise).toList();
  }

  /** The CSV text of {@code rows}: header row with the table's columns, then every row neutralised. */
  public static String write(CsvTable table, List<List<String>> rows) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    write(out, table, sink -> rows.forEach(sink::accept));
    return out.toString(StandardCharsets.UTF_8);
  }
}
