package org.aimonitor.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.aimonitor.TestApp;
import org.aimonitor.config.Limits;
import org.aimonitor.importer.ImportFile;
import org.aimonitor.importer.Importer;
import org.aimonitor.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /data/monitor.sqlite} under a crowd (issue 26, row 2): readers of one data version share
 * one snapshot file, a newer version replaces it once its readers are done, a cap bounds the
 * downloads running at once, and the space a snapshot needs is checked before it is made.
 */
class SnapshotDownloadsTest {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.ISO_8859_1);

  @TempDir
  Path dir;

  @Test
  void slowReadersShareOneSnapshotPerDataVersionUpToTheCapAndOldOnesGoWhenTheirReadersLeave()
      throws Exception {
    Path snapshots = dir.resolve("snapshots");
    try (TestApp app = TestApp.start(dir.resolve("app"), Map.of(
        Limits.SNAPSHOT_DIR.name(), snapshots.toString(), Limits.SNAPSHOT_DOWNLOADS.name(), "3"))) {
      // Larger than the socket buffers, so a reader that does not read holds its download open.
      app.db().writer().useHandle(h -> {
        h.execute("CREATE TABLE test_ballast (b BLOB)");
        h.execute("INSERT INTO test_ballast SELECT randomblob(4000000) FROM"
            + " (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8) SELECT i FROM n)");
      });
      List<InputStream> readers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        HttpResponse<InputStream> r = download(app);
        assertEquals(200, r.statusCode());
        assertArrayEquals(SQLITE_MAGIC, r.body().readNBytes(SQLITE_MAGIC.length));
        readers.add(r.body());
      }
      assertEquals(1, files(snapshots).size(), "three readers of one version share one file: " + files(snapshots));

      HttpResponse<InputStream> refused = download(app);
      assertEquals(503, refused.statusCode());
      assertEquals(String.valueOf(DownloadHandler.RETRY_BUSY_SECONDS),
          refused.headers().firstValue("Retry-After").orElse(""));
      String page = new String(refused.body().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(page.contains("At most 3 downloads of the database file run at once"), page);

      // The data change; a reader leaves, and the next one gets a snapshot of the new version.
      Path oldFile = files(snapshots).get(0);
      new Importer(app.db()).apply(List.of(new ImportFile("obs.csv", ("indicator,region,period,value,"
          + "qualifier,source,headline,note\nai_core_industry_scale,CN,2019,12.5,reported,ecns-2026-03-05,1,\n")
          .getBytes(StandardCharsets.UTF_8))), "test");
      readers.remove(0).close();
      HttpResponse<InputStream> newer = until(() -> download(app), r -> r.statusCode() == 200);
      readers.add(newer.body());
      assertEquals(2, files(snapshots).size(), "the old snapshot stays while two readers read it");

      readers.remove(0).close();
      readers.remove(0).close();
      waitFor(() -> !Files.exists(oldFile), "the superseded snapshot is deleted when its readers left");
      assertEquals(1, files(snapshots).size());
      byte[] rest = newer.body().readAllBytes();
      assertTrue(rest.length > 32_000_000, "the whole file: " + rest.length);
      readers.forEach(r -> {
        try {
          r.close();
        } catch (Exception ignored) {
          // Already read to its end.
        }
      });
      Path copy = dir.resolve("downloaded.sqlite");
      Files.write(copy, rest);
      assertEquals(app.db().version(), Database.versionOf(copy), "the snapshot is of the new version");
    }
  }

  @Test
  void aSnapshotIsNotMadeWithoutRoomForItAndTheAnswerSaysHowMuchIsNeeded() throws Exception {
    try (TestApp app = TestApp.start(dir.resolve("app"))) {
      Path folder = dir.resolve("snapshots");
      long needed = app.db().jdbi().withHandle(ExportStore::approximateSnapshotBytes);
      Snapshots full = new Snapshots(app.db(), folder, 4, path -> needed);
      Snapshots.NoSpace e = assertThrows(Snapshots.NoSpace.class, full::open);
      assertEquals(needed, e.needed());
      assertEquals(0, files(folder).size(), "nothing was written");
      assertEquals(0, full.running(), "the refused download does not count towards the limit");
      Snapshots roomy = new Snapshots(app.db(), folder, 4, path -> Long.MAX_VALUE);
      try (InputStream in = roomy.open()) {
        assertArrayEquals(SQLITE_MAGIC, in.readNBytes(SQLITE_MAGIC.length));
      }
    }
  }

  private static HttpResponse<InputStream> download(TestApp app) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(app.url("/data/monitor.sqlite"))).build(),
          HttpResponse.BodyHandlers.ofInputStream());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<Path> files(Path folder) throws Exception {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().startsWith("snapshot-")).sorted().toList();
    }
  }

  /** Asks again until the answer fits: a closed download is let go when the server notices. */
  private static <T> T until(java.util.function.Supplier<T> ask, java.util.function.Predicate<T> fits)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (true) {
      T answer = ask.get();
      if (fits.test(answer) || Instant.now().isAfter(deadline)) {
        assertTrue(fits.test(answer), "no fitting answer within 60 s: " + answer);
        return answer;
      }
      Thread.sleep(50);
    }
  }

  private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
    until(condition::getAsBoolean, ok -> ok);
    assertTrue(condition.getAsBoolean(), what);
  }
}
