package org.aimonitor.download;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;
import org.aimonitor.store.Database;
import org.aimonitor.store.StorageFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database file that {@code /data/monitor.sqlite} serves: one snapshot per data version,
 * made once ({@code VACUUM INTO}) by the first reader that needs it and shared by every reader
 * after, deleted as soon as a newer one replaces it and its last reader is done. At most
 * {@code downloads} readers at once; the space a snapshot needs is checked before it is made.
 * So a crowd of slow readers holds one file, not one each (issue 26: 20 readers held 19 copies).
 */
public final class Snapshots {

  private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);
  private static final String PREFIX = "snapshot-";
  /** Space kept free beyond a snapshot's size: a tenth of it, and at least 16 MB. */
  private static final long MIN_HEADROOM = 16L * 1024 * 1024;

  /** More readers than the limit are downloading; {@code limit} is it. */
  public static final class Busy extends Exception {
    private final int limit;

    Busy(int limit) {
      super("at most " + limit + " downloads of the database file at once", null, false, false);
      this.limit = limit;
    }

    public int limit() {
      return limit;
    }
  }

  /** The snapshot cannot be made: it needs {@code needed} bytes and {@code free} are free. */
  public static final class NoSpace extends Exception {
    private final long needed;
    private final long free;

    NoSpace(long needed, long free) {
      super("a snapshot needs about " + needed + " bytes; " + free + " are free", null, false, false);
      this.needed = needed;
      this.free = free;
    }

    public long needed() {
      return needed;
    }

    public long free() {
      return free;
    }
  }

  /** One snapshot file; {@code readers} and {@code superseded} are guarded by the Snapshots. */
  private static final class Snapshot {
    final Database.Version version;
    final Path file;
    int readers;
    boolean superseded;

    Snapshot(Database.Version version, Path file) {
      this.version = version;
      this.file = file;
    }
  }

  private final Database db;
  private final ExportStore store;
  private final Path dir;
  private final int limit;
  private final Semaphore downloads;
  private final ToLongFunction<Path> freeSpace;
  private Snapshot current;
  private long made;

  /** Snapshots of {@code db} in {@code dir} (created, and emptied of an earlier run's files). */
  public Snapshots(Database db, Path dir, int downloads) {
    this(db, dir, downloads, Snapshots::usableSpace);
  }

  Snapshots(Database db, Path dir, int downloads, ToLongFunction<Path> freeSpace) {
    this.db = db;
    this.store = new ExportStore(db);
    this.dir = dir;
    this.limit = downloads;
    this.downloads = new Semaphore(downloads);
    this.freeSpace = freeSpace;
    try {
      Files.createDirectories(dir);
      try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "{" + PREFIX + ",building-}*")) {
        for (Path file : old) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the snapshot folder " + dir, e);
    }
  }

  /**
   * The default folder: one per database file under the temporary folder, so that a server
   * killed before it could delete its snapshot finds and deletes it at the next start.
   */
  public static Path defaultDir(Path dbFile) {
    String name = Integer.toHexString(dbFile.toAbsolutePath().normalize().toString().hashCode());
    return Path.of(System.getProperty("java.io.tmpdir"), "aim-snapshots-" + name);
  }

  /**
   * The current snapshot, opened for one reader: made first when the data changed since the last
   * one. Close the stream to let go (it counts towards the limit until then).
   */
  public InputStream open() throws Busy, NoSpace {
    if (!downloads.tryAcquire()) {
      throw new Busy(limit);
    }
    Snapshot snapshot;
    InputStream in;
    try {
      snapshot = take();
      try {
        in = Files.newInputStream(snapshot.file);
      } catch (IOException e) {
        release(snapshot);
        throw new UncheckedIOException(e);
      }
    } catch (NoSpace | RuntimeException e) {
      downloads.release();
      throw e;
    }
    AtomicBoolean closed = new AtomicBoolean();
    return new FilterInputStream(in) {
      @Override
      public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
          try {
            super.close();
          } finally {
            release(snapshot);
            downloads.release();
          }
        }
      }
    };
  }

  /** The number of snapshot downloads running now. */
  public int running() {
    return limit - downloads.availablePermits();
  }

  private synchronized Snapshot take() throws NoSpace {
    Database.Version live = db.version();
    if (current == null || !current.version.equals(live) || !Files.exists(current.file)) {
      Snapshot made = make();
      if (current != null) {
        current.superseded = true;
        deleteIfUnread(current);
      }
      current = made;
    }
    current.readers++;
    return current;
  }

  private Snapshot make() throws NoSpace {
    long needed = db.jdbi().withHandle(ExportStore::approximateSnapshotBytes);
    long headroom = Math.max(MIN_HEADROOM, needed / 10);
    long free = freeSpace.applyAsLong(dir);
    if (free < needed + headroom) {
      LOG.warn("Database snapshot not made: it needs about {} MB, {} has {} MB free",
          needed >> 20, dir, free >> 20);
      throw new NoSpace(needed, free);
    }
    Path building = dir.resolve("building-" + System.nanoTime() + ".sqlite");
    try {
      store.snapshotTo(building);
      Database.Version version = Database.versionOf(building);
      // A new name each time, so a snapshot replaced by one of the same version (its file was
      // deleted behind our back) is never the file its successor is written to.
      Path file = dir.resolve(PREFIX + version.number() + "-" + version.lastImport() + "-"
          + (++made) + ".sqlite");
      Files.move(building, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      LOG.info("Database snapshot of data version {} made ({} MB)", version.number(),
          Files.size(file) >> 20);
      return new Snapshot(version, file);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(building);
      if (StorageFailure.of(e).orElse(null) == StorageFailure.FULL) {
        throw new NoSpace(needed, freeSpace.applyAsLong(dir));
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw (RuntimeException) e;
    }
  }

  private synchronized void release(Snapshot snapshot) {
    snapshot.readers--;
    deleteIfUnread(snapshot);
  }

  private void deleteIfUnread(Snapshot snapshot) {
    if (snapshot.superseded && snapshot.readers == 0) {
      deleteQuietly(snapshot.file);
    }
  }

  private static long usableSpace(Path dir) {
    try {
      return Files.getFileStore(dir).getUsableSpace();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Could not delete the snapshot {}: {}", file, e.getMessage());
    }
  }
}
