package org.aimonitor.download;

import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.DataStore;
import org.jdbi.v3.core.Handle;

/**
 * How many rows and bytes each CSV download has. Measuring means writing the file, so it is
 * done once per data version, when an import commits ({@link #record}), and /data reads the
 * result; a database changed some other way (by hand, with sqlite3) is measured again when
 * /data is next shown.
 */
public final class DownloadSizes {

  /** A download's rows (without the header) and bytes. */
  public record Size(long rows, long bytes) {
  }

  private DownloadSizes() {
  }

  /** Measures every download as it is now and stores the sizes, in the caller's transaction. */
  public static void record(Handle h) {
    long version = h.attach(DataStore.class).dataVersion();
    DownloadQueries queries = h.attach(DownloadQueries.class);
    measure(h).forEach((table, size) ->
        queries.record(table.fileName(), size.rows(), size.bytes(), version));
  }

  /** The sizes of the downloads at the handle's data version. */
  public static Map<CsvTable, Size> read(Handle h) {
    long version = h.attach(DataStore.class).dataVersion();
    Map<CsvTable, Size> sizes = new EnumMap<>(CsvTable.class);
    for (DownloadQueries.Measured m : h.attach(DownloadQueries.class).sizes(version)) {
      CsvTable.byFileName(m.file()).ifPresent(t -> sizes.put(t, new Size(m.rows(), m.bytes())));
    }
    return sizes.size() == CsvTable.values().length ? sizes : measure(h);
  }

  /** Writes each download to a sink that only counts, as the download itself would be written. */
  static Map<CsvTable, Size> measure(Handle h) {
    Map<CsvTable, Size> sizes = new EnumMap<>(CsvTable.class);
    for (CsvTable table : CsvTable.values()) {
      Counting out = new Counting();
      long[] rows = {0};
      CsvExport.write(out, table, sink -> ExportStore.forEach(h, table, row -> {
        rows[0]++;
        sink.accept(row);
      }));
      sizes.put(table, new Size(rows[0], out.bytes));
    }
    return sizes;
  }

  /** An output stream that keeps nothing but the count of bytes written to it. */
  private static final class Counting extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
