package org.aimonitor.download;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Database;
import org.aimonitor.web.Page;

/** {@code GET /data} and the downloads it lists: every table as CSV and a database snapshot. */
public final class DownloadHandler {

  /**
   * One download on the /data page, described in the page's language. {@code rows} is
   * {@code null} for the database file.
   */
  public record Download(String href, String name, String description, String format,
      Integer rows, String rowsText, String size) {
  }

  /** What the /data page shows; {@code accessed} is today's date in the page's language. */
  public record DataView(List<Download> downloads, long dataVersion, String accessed, String origin) {
  }

  private final Database db;
  private final ExportStore store;

  public DownloadHandler(Database db) {
    this.db = db;
    this.store = new ExportStore(db);
  }

  /** What the /data page reads, in one transaction. */
  private record Facts(Map<CsvTable, DownloadSizes.Size> sizes, long snapshotBytes, long version) {
  }

  /** {@code GET /data}: the page is localised; the files it lists are not. */
  public void page(Context ctx) {
    Text t = Text.of(ctx);
    Facts facts = db.jdbi().inTransaction(h -> new Facts(DownloadSizes.read(h),
        ExportStore.approximateSnapshotBytes(h), h.attach(DataStore.class).dataVersion()));
    List<Download> downloads = new ArrayList<>();
    for (CsvTable table : CsvTable.values()) {
      DownloadSizes.Size size = facts.sizes().get(table);
      downloads.add(new Download("/data/" + table.fileName(), table.fileName(),
          t.t("data.file." + table.sqlTable()), t.t("data.format.csv"), (int) size.rows(),
          t.number(BigDecimal.valueOf(size.rows()), 0), size(size.bytes(), t)));
    }
    downloads.add(new Download("/data/monitor.xlsx" + (t.zh() ? "?lang=zh" : ""), "monitor.xlsx",
        t.t("data.file.workbook"), t.t("data.format.xlsx"), null, "–", "–"));
    downloads.add(new Download("/data/monitor.sqlite", "monitor.sqlite",
        t.t("data.file.database"), t.t("data.format.sqlite"), null, "–",
        t.t("qualifier-sign.approx") + size(facts.snapshotBytes(), t)));
    String host = ctx.host();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    // English cites the access date as ISO text, as before; Chinese writes it "2026年1月1日".
    Page.render(ctx, "data", t.t("data.title"), "data", new DataView(downloads, facts.version(),
        t.zh() ? t.date(today) : today.toString(),
        ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost" : host)));
  }

  /** {@code GET /data/{file}.csv}: a whole table, streamed from one read transaction as its rows are read. */
  public void csv(Context ctx, CsvTable table) {
    db.jdbi().useTransaction(h -> CsvExport.stream(ctx, table.fileName(),
        h.attach(DataStore.class).dataVersion(), table, sink -> ExportStore.forEach(h, table, sink)));
  }

  /**
   * {@code GET /data/monitor.xlsx}: the whole dataset as a workbook, a sheet per table in import
   * order, written row by row from one read transaction as the rows are read.
   */
  public void xlsx(Context ctx) {
    Text t = Text.of(ctx);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String origin = org.aimonitor.web.Addresses.origin(ctx);
    db.jdbi().useTransaction(h -> {
      long version = h.attach(DataStore.class).dataVersion();
      Workbooks.ReadMe readMe = new Workbooks.ReadMe(t.t("workbook.dataset.title"),
          t.t("workbook.dataset.about"), Workbooks.asOf(h, t), t.date(today), origin + "/data",
          t.t("data.citation", version, t.zh() ? t.date(today) : today.toString(), origin),
          List.of(t.t("data.cite-also")));
      Workbooks.stream(ctx, "monitor.xlsx", wb -> DatasetWorkbook.write(wb, h, readMe, t));
    });
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


  /** A size in {@code t}'s language: "812 bytes", "47.3 KB"; "812字节", "47.3 KB". */
  static String size(long bytes, Text t) {
    if (bytes < 1024) {
      return t.t("data.size.bytes", bytes);
    }
    if (bytes < 1024 * 1024) {
      return t.t("data.size.kb", t.number(BigDecimal.valueOf(bytes / 1024.0), 1));
    }
    return t.t("data.size.mb", t.number(BigDecimal.valueOf(bytes / (1024.0 * 1024.0)), 1));
  }
}
