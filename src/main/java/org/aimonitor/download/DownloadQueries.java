package org.aimonitor.download;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The sizes of the downloads that {@code /data} lists, as the last import measured them. */
@RegisterConstructorMapper(DownloadQueries.Measured.class)
public interface DownloadQueries {

  /** A download's rows (without the header) and bytes, measured at a data version. */
  record Measured(String file, long rows, long bytes) {
  }

  /** The sizes measured at data version {@code version}. */
  @SqlQuery("SELECT file, rows, bytes FROM download_size WHERE data_version = :version")
  List<Measured> sizes(@Bind("version") long version);

  /** Keeps a download's size at data version {@code version}, replacing an older one. */
  @SqlUpdate("""
      INSERT INTO download_size (file, rows, bytes, data_version)
      VALUES (:file, :rows, :bytes, :version)
      ON CONFLICT (file) DO UPDATE SET rows = excluded.rows, bytes = excluded.bytes,
        data_version = excluded.data_version
      """)
  void record(@Bind("file") String file, @Bind("rows") long rows, @Bind("bytes") long bytes,
      @Bind("version") long version);
}
