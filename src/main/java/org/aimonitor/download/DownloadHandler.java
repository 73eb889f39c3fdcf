package org.aimonitor.download;

import org.aimonitor.citation.Citation;
import org.aimonitor.citation.CitationText;
import io.javalin.http.Context;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aimonitor.config.Limits;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Database;
import org.aimonitor.web.Addresses;
import org.aimonitor.web.HttpProblem;
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
  public record DataView(List<Download> downloads, long dataVersion, String accessed, String origin,
      String citation) {
  }

  /** How long a refused snapshot download is asked to wait (Retry-After, seconds). */
  static final int RETRY_BUSY_SECONDS = 30;
  static final int RETRY_NO_SPACE_SECONDS = 600;

  private final Database db;
  private final Snapshots snapshots;

  public DownloadHandler(Database db, Limits limits) {
    this.db = db;
    this.snapshots = new Snapshots(db, limits.snapshotDir() != null ? limits.snapshotDir()
        : Snapshots.defaultDir(db.file()), limits.snapshotDownloads());
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
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    // English cites the access date as ISO text, as before; Chinese writes it "2026年1月1日".
    // The origin the page cache keys on (#26 row 3): never the raw Host header.
    String origin = Addresses.origin(ctx);
    Page.render(ctx, "data", t.t("data.title"), "data", new DataView(downloads, facts.version(),
        t.zh() ? t.date(today) : today.toString(), origin,
        CitationText.dataset(dataset(t, facts.version(), today, origin))));
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
          CitationText.dataset(dataset(t, version, today, origin)),
          List.of(t.t("data.cite-also")));
      Workbooks.stream(ctx, "monitor.xlsx", wb -> DatasetWorkbook.write(wb, h, readMe, t));
    });
  }

  /**
   * The database snapshot of the current data version, shared with every other reader of it
   * (see {@link Snapshots}); 503 with {@code Retry-After} when too many downloads run or the
   * server has no room to make it.
   */
  public void sqlite(Context ctx) {
    InputStream in;
    try {
      in = snapshots.open();
    } catch (Snapshots.Busy e) {
      ctx.header("Retry-After", String.valueOf(RETRY_BUSY_SECONDS));
      throw HttpProblem.of(503, "data.snapshot.busy.title", "data.snapshot.busy", e.limit());
    } catch (Snapshots.NoSpace e) {
      Text t = Text.of(ctx);
      ctx.header("Retry-After", String.valueOf(RETRY_NO_SPACE_SECONDS));
      throw HttpProblem.of(503, "data.snapshot.no-space.title", "data.snapshot.no-space",
          size(e.needed(), t), size(e.free(), t));
    }
    ctx.contentType("application/vnd.sqlite3")
        .header("Content-Disposition", "attachment; filename=\"monitor.sqlite\"")
        .header("Cache-Control", "no-store")
        .result(in);
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

  /** The whole dataset, as /data and its workbook cite it. */
  static Citation dataset(Text t, long version, LocalDate today, String origin) {
    return Citation.ofView("aim-dataset", t.lang(), t.t("workbook.dataset.title"), t.t("site.name"),
        version, today, origin + "/data");
  }
}
