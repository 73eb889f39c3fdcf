package org.aimonitor.download;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.Database;
import org.aimonitor.web.Page;

/** {@code GET /data} and the downloads it lists: the four tables as CSV and a database snapshot. */
public final class DownloadHandler {

  /** One download on the /data page. {@code rows} is {@code null} for the database file. */
  public record Download(String href, String name, String description, String format,
      Integer rows, String size) {
  }

  /** What the /data page shows. */
  public record DataView(List<Download> downloads, long dataVersion, String accessed, String origin) {
  }

  private static final List<String> DESCRIPTIONS = List.of(
      "One row per cited page: publisher, title, link, date, language, reliability.",
      "One row per indicator: names, units and definitions in English and Chinese.",
      "One row per figure: value as published, period, qualifier, source, headline flag, note.",
      "Dated policy, regulation, data-release and industry events, with sources.");

  private final Database db;
  private final ExportStore store;

  public DownloadHandler(Database db) {
    this.db = db;
    this.store = new ExportStore(db);
  }

  public void page(Context ctx) {
    List<Download> downloads = new ArrayList<>();
    for (CsvTable table : CsvTable.values()) {
      List<List<String>> rows = store.rows(table);
      byte[] bytes = CsvExport.write(table, rows).getBytes(StandardCharsets.UTF_8);
      downloads.add(new Download("/data/" + table.fileName(), table.fileName(),
          DESCRIPTIONS.get(table.ordinal()), "CSV (UTF-8, RFC 4180)", rows.size(), size(bytes.length)));
    }
    downloads.add(new Download("/data/monitor.sqlite", "monitor.sqlite",
        "The whole database (all four tables and the data version), as one consistent snapshot.",
        "SQLite 3", null, "≈ " + size(store.approximateSnapshotBytes())));
    long version = db.store().dataVersion();
    String host = ctx.host();
    Page.render(ctx, "data", "Data downloads", "data", new DataView(downloads, version,
        LocalDate.now(ZoneOffset.UTC).toString(),
        ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost" : host)));
  }

  public void observations(Context ctx) {
    csv(ctx, CsvTable.OBSERVATIONS);
  }

  public void sources(Context ctx) {
    csv(ctx, CsvTable.SOURCES);
  }

  public void indicators(Context ctx) {
    csv(ctx, CsvTable.INDICATORS);
  }

  public void events(Context ctx) {
    csv(ctx, CsvTable.EVENTS);
  }

  private void csv(Context ctx, CsvTable table) {
    String text = CsvExport.write(table, store.rows(table));
    ctx.contentType(CsvExport.CONTENT_TYPE)
        .header("Content-Disposition", "attachment; filename=\"" + table.fileName() + "\"")
        .header("Cache-Control", "no-cache")
        .result(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A snapshot taken for this request into an empty temporary file, streamed, and deleted when
   * the stream is closed after the response is written.
   */
  public void sqlite(Context ctx) {
    Path file;
    try {
      file = Files.createTempFile("aim-snapshot-", ".sqlite");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      store.snapshotTo(file);
      InputStream in = Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
      ctx.contentType("application/vnd.sqlite3")
          .header("Content-Disposition", "attachment; filename=\"monitor.sqlite\"")
          .header("Cache-Control", "no-store")
          .result(in);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(file);
      if (e instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw (RuntimeException) e;
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // A leftover temp file is harmless; the original error matters more.
    }
  }

  /** "812 bytes", "47.3 KB", "1.2 MB" (1 KB = 1,024 bytes). */
  static String size(long bytes) {
    NumberFormat nf = NumberFormat.getNumberInstance(Locale.ENGLISH);
    nf.setMaximumFractionDigits(1);
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return nf.format(bytes / 1024.0) + " KB";
    }
    return nf.format(bytes / (1024.0 * 1024.0)) + " MB";
  }
}
