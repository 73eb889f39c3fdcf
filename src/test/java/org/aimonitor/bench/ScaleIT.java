package org.aimonitor.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor at 1,000 times the seed, under a 128 MB heap: the synthetic dataset
 * ({@link SyntheticData}: every file of the seed, release schedules included) and 160,000 more
 * observations import through the real jar, about 40,000 revisions in one import succeed, and the
 * server answers every page kind, the API and every export with 200 and stays alive. Pages and
 * API answers must stay under 1 MB; a few must also show what they are for (the heaviest
 * indicator's freshness card, the overdue list's overdue indicators).
 *
 * <p>Every import works out the freshness of all 35,000 indicators again; each import's time and
 * the most heap it held after a collection are printed, as are each answer's size and time.
 *
 * <p>Run by {@code mvn verify} (maven-failsafe-plugin) after {@code package}, against the shaded
 * jar in child JVMs. Nothing here fails on a time: it must never fail on speed
 * (.ci/benchmark-scale measures that).
 */
class ScaleIT {

  private static final int SCALE = 1000;
  private static final Path JAR = Path.of("target", "ai-industry-monitor.jar").toAbsolutePath();
  /** The memory the issue asks for: the seed's 128 MB heap, dying rather than crawling on OOM. */
  private static final List<String> JVM_FLAGS =
      List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
  private static final long PAGE_LIMIT = 1024 * 1024;
  private static final int EXTRA_FILES = 4;
  private static final int EXTRA_ROWS = 40_000;
  /** Only against hangs: a request this slow is reported, never a measured speed. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(3);

  @TempDir
  Path dir;

  private final long started = System.nanoTime();

  @Test
  void thousandTimesTheSeedImportsAndIsServedUnderA128MbHeap() throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run by `mvn verify`, after package");
    Path db = dir.resolve("monitor.db");

    List<Path> files = SyntheticData.write(SCALE, dir.resolve("synthetic"));
    String heavy = SyntheticData.heaviestIndicator();
    progress("generated " + files.size() + " files at " + SCALE + "x");

    // Seed with the real seed first (any command seeds an empty database), then one import per file.
    run(db, "seed", "export", dir.resolve("export").toString());
    for (Path file : files) {
      run(db, file.getFileName().toString(), "import", file.toString());
    }
    progress("imported the synthetic dataset");

    // The memory case: about 160,000 more observations (new keys), then one file again with
    // every value changed, so that one import revises about 40,000 rows.
    List<Path> extra = SyntheticData.writeExtraObservations(SCALE, dir.resolve("extra"),
        EXTRA_FILES, EXTRA_ROWS);
    for (Path file : extra) {
      run(db, file.getFileName().toString(), "import", file.toString());
    }
    Path revised = dir.resolve("revised-observations.csv");
    SyntheticData.writeRevised(extra.get(0), revised);
    run(db, "revision of " + extra.get(0).getFileName(), "import", revised.toString());
    progress("imported " + extra.size() + " extra files and the revision");

    // Import 1 is the seed; the revision, last, replaced about 40,000 states of the first extra
    // file's; the schedules' import added 12,000 schedules (its page lists the first few).
    long revision = 1 + files.size() + extra.size() + 1;
    long replaced = 1 + files.size() + 1;
    long schedules = 1 + 1 + files.indexOf(files.stream()
        .filter(f -> f.getFileName().toString().startsWith("8-schedules")).findFirst().orElseThrow());
    serveAndRequestEverything(db, heavy, List.of("/updates", "/updates?lang=zh", "/updates?from=2000-01-01",
        "/updates/" + revision, "/updates/" + revision + "?lang=zh", "/updates/" + revision + "?page=200",
        "/updates/" + replaced, "/updates/" + replaced + "?page=250", "/updates/1",
        "/updates/" + schedules, "/updates/" + schedules + "?lang=zh",
        "/updates.atom", "/updates.atom?lang=zh", "/indicators/" + heavy + ".atom",
        "/api/v1/updates", "/api/v1/updates/" + revision, "/api/v1/updates/" + replaced,
        "/api/v1/updates/" + schedules));
    progress("served every page kind, the API and the exports");
  }

  private void serveAndRequestEverything(Path db, String heavy, List<String> updates) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = dir.resolve("server.log");
    Path serverGc = dir.resolve("server-gc.log");
    ProcessBuilder builder = command(List.of("-Xlog:gc:file=" + serverGc));
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("AIM_DB_PATH", db.toString());
    // Every request a render, once the server knows this setting; ignored before.
    builder.environment().put("AIM_PAGE_CACHE_MB", "0");
    Process server = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String base = "http://127.0.0.1:" + port;
    List<String> problems = new ArrayList<>();
    try {
      waitForHealth(http, base, server, log);
      progress("server started");
      List<String> pages = List.of("/", "/?lang=zh", "/summary", "/summary?lang=zh", "/indicators",
          "/indicators?lang=zh", "/indicators?page=2", "/indicators/ai_core_industry_scale",
          "/indicators/ai_core_industry_scale?lang=zh", "/indicators/" + heavy,
          "/indicators/" + heavy + "?lang=zh", "/indicators/" + heavy + "?page=2", "/sources",
          "/sources?lang=zh", "/sources/" + SyntheticData.sourceId(1),
          "/sources/" + SyntheticData.sourceId(1) + "?lang=zh", "/timeline", "/timeline?lang=zh", "/data", "/data?lang=zh",
          // Places: 26,000 synthetic provinces and cities besides the seed's.
          "/regions", "/regions?lang=zh", "/regions?page=2", "/regions?level=city&page=3",
          "/regions?parent=CN", "/regions/CN", "/regions/CN?lang=zh",
          "/regions/" + SyntheticData.placeCode(1), "/regions/" + SyntheticData.placeCode(2),
          "/indicators/" + heavy + "/ranking", "/indicators/" + heavy + "/ranking?lang=zh",
          "/indicators/" + heavy + "?region=" + SyntheticData.placeCode(1) + ","
              + SyntheticData.placeCode(4) + "," + SyntheticData.placeCode(7),
          "/indicators/ai_enterprises", "/indicators/ai_industry_scale?lang=zh",
          "/indicators/ai_enterprises/ranking", "/indicators/ai_enterprises/ranking?lang=zh",
          "/indicators/ai_industry_scale/ranking",
          // What is due: 35,000 indicators by next release (about 30,000 synthetic ones overdue
          // since the 1900s), first and deep pages, and the overdue list.
          "/indicators?sort=freshness", "/indicators?sort=freshness&lang=zh",
          "/indicators?sort=freshness&page=350", "/indicators?sort=freshness&page=200&lang=zh",
          "/indicators?status=overdue", "/indicators?status=overdue&lang=zh",
          "/indicators?status=overdue&page=250",
          // The release calendar: its lists stop at 100 each, a page of 10 of the 12,000 series.
          "/calendar", "/calendar?lang=zh", "/calendar?page=1000", "/indicators/" + heavy + ".ics");
      // Pages that must show what they are for, not only answer: the heaviest indicator's
      // freshness card names its synthetic series, the overdue list lists overdue indicators,
      // and the overview and summary count them.
      Map<String, String> shows = Map.of(
          "/indicators/" + heavy, "Synthetic release series 000001",
          "/indicators?status=overdue", "status-overdue",
          "/indicators?sort=freshness&page=350", "status-",
          "/", "overdue-line",
          "/calendar", "is-overdue",
          "/summary", "overdue-line");
      List<String> api = List.of("/api/v1/indicators", "/api/v1/indicators/" + heavy,
          "/api/v1/indicators/ai_core_industry_scale", "/api/v1/sources", "/api/v1/events",
          "/api/v1/regions", "/api/v1/regions/CN", "/api/v1/regions/" + SyntheticData.placeCode(1));
      List<String> exports = List.of("/data/observations.csv", "/data/sources.csv",
          "/data/indicators.csv", "/data/events.csv", "/indicators/" + heavy + ".csv",
          "/data/monitor.sqlite",
          // Every scheduled indicator's awaited release (35,000 events), streamed.
          "/calendar.ics", "/calendar.ics?lang=zh");
      // Workbooks are written row by row: the whole dataset (about 536,000 figures) included.
      List<String> workbooks = List.of("/indicators/" + heavy + ".xlsx",
          "/indicators/" + heavy + ".xlsx?lang=zh", "/regions/CN.xlsx",
          "/regions/" + SyntheticData.placeCode(1) + ".xlsx", "/indicators/" + heavy + "/ranking.xlsx",
          "/data/monitor.xlsx", "/data/monitor.xlsx?lang=zh");
      for (String path : pages) {
        check(http, base, path, PAGE_LIMIT, server, problems, shows.get(path));
      }
      for (String path : api) {
        check(http, base, path, PAGE_LIMIT, server, problems);
      }
      for (String path : updates) {
        check(http, base, path, PAGE_LIMIT, server, problems);
      }
      // A reader who turned "new since your last visit" on at the seed: nearly everything is new.
      for (String path : List.of("/", "/indicators/" + heavy, "/updates")) {
        checkAnswer(path + " (marked)", get(http, base, path, server, "aim_seen=1-1"), PAGE_LIMIT,
            problems);
      }
      for (String path : exports) {
        check(http, base, path, Long.MAX_VALUE, server, problems);
      }
      progress("server heap after GC before the workbooks: at most " + heapAfterGc(serverGc));
      for (String path : workbooks) {
        check(http, base, path, Long.MAX_VALUE, server, problems);
        progress("server heap after GC so far: at most " + heapAfterGc(serverGc));
      }
      if (!server.isAlive()) {
        problems.add("the server is no longer running (exit status " + server.exitValue() + ")");
      }
    } catch (ServerDied e) {
      problems.add(e.getMessage());
    } finally {
      server.destroy();
      if (!server.waitFor(15, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
    if (!problems.isEmpty()) {
      fail(problems.size() + " problem(s) at " + SCALE + "x under " + String.join(" ", JVM_FLAGS)
          + ":\n  "
          + String.join("\n  ", problems) + "\nThe server's log:\n" + tail(log, 60));
    }
  }

  /** Fetches the path; records a problem when it is not 200 or its body is over the limit. */
  private void check(HttpClient http, String base, String path, long limit, Process server,
      List<String> problems) throws Exception {
    check(http, base, path, limit, server, problems, null);
  }

  /** As above; with {@code needle}, the body must also contain it. */
  private void check(HttpClient http, String base, String path, long limit, Process server,
      List<String> problems, String needle) throws Exception {
    checkAnswer(path, get(http, base, path, server, null, needle), limit, problems);
  }

  private void checkAnswer(String path, Answer answer, long limit, List<String> problems) {
    progress(String.format(Locale.ROOT, "GET %s: %d, %,d bytes, %,d ms", path, answer.status,
        answer.bytes, answer.millis));
    if (answer.error != null) {
      problems.add(path + " failed: " + answer.error);
    } else if (answer.status != 200) {
      problems.add(path + " answered " + answer.status);
    } else if (answer.bytes > limit) {
      problems.add(String.format(Locale.ROOT, "%s is %,d bytes, over the limit of %,d", path,
          answer.bytes, limit));
    } else if (!answer.found) {
      problems.add(path + " does not show what it is for: no \"" + answer.needle + "\" in it");
    }
  }

  /**
   * Status, body size and time to the last byte, or the error that prevented an answer (status
   * -1); {@code found} says whether the body held {@code needle} (true when there was none).
   */
  private record Answer(int status, long bytes, long millis, String error, String needle,
      boolean found) {
  }

  /** A request that could not be answered because the server is gone. */
  private static final class ServerDied extends Exception {
    ServerDied(String message) {
      super(message);
    }
  }

  /** GETs the path, reading the whole (uncompressed) body into a counting sink. */
  private static Answer get(HttpClient http, String base, String path, Process server)
      throws Exception {
    return get(http, base, path, server, null);
  }

  /** As {@link #get(HttpClient, String, String, Process)}, sending {@code cookie} when not null. */
  private static Answer get(HttpClient http, String base, String path, Process server,
      String cookie) throws Exception {
    return get(http, base, path, server, cookie, null);
  }

  /** As above; with {@code needle}, also says whether the body (up to 1 MB) contains it. */
  private static Answer get(HttpClient http, String base, String path, Process server,
      String cookie, String needle) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(REQUEST_TIMEOUT).GET();
    if (cookie != null) {
      builder.header("Cookie", cookie);
    }
    HttpRequest request = builder.build();
    long start = System.nanoTime();
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      long bytes = 0;
      java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
      try (InputStream body = response.body()) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = body.read(buffer)) >= 0; ) {
          if (needle != null && bytes < PAGE_LIMIT) {
            kept.write(buffer, 0, n);
          }
          bytes += n;
        }
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      boolean found = needle == null || kept.toString(StandardCharsets.UTF_8).contains(needle);
      return new Answer(response.statusCode(), bytes, millis, null, needle, found);
    } catch (IOException e) {
      // A server that ran out of memory exits (-XX:+ExitOnOutOfMemoryError); give it a moment.
      if (server.waitFor(5, TimeUnit.SECONDS)) {
        throw new ServerDied("the server died answering " + path + " (exit status "
            + server.exitValue() + ", " + e + ")");
      }
      return new Answer(-1, 0, (System.nanoTime() - start) / 1_000_000,
          e instanceof HttpTimeoutException
              ? "no answer within " + REQUEST_TIMEOUT.toMinutes() + " minutes" : e.toString(),
          needle, false);
    }
  }

  private static void waitForHealth(HttpClient http, String base, Process server, Path log)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        fail("the server exited with status " + server.exitValue() + " before answering /healthz:\n"
            + tail(log, 60));
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    fail("the server did not answer /healthz within 3 minutes:\n" + tail(log, 60));
  }

  /**
   * Runs the jar with {@code args} on {@code db} in a child JVM; fails unless it exits with 0.
   * Prints how long it took and the most heap it held after a garbage collection (an upper
   * bound of what it needed: the collector's log, -Xlog:gc).
   */
  private void run(Path db, String what, String... args) throws Exception {
    Path gc = Files.createTempFile(dir, "child-gc-", ".log");
    ProcessBuilder builder = command(List.of("-Xlog:gc:file=" + gc), args);
    builder.environment().put("AIM_DB_PATH", db.toString());
    Path log = Files.createTempFile(dir, "child-", ".log");
    long start = System.nanoTime();
    Process child = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!child.waitFor(10, TimeUnit.MINUTES)) {
        fail(what + ": " + String.join(" ", args) + " did not finish within 10 minutes:\n" + tail(log, 40));
      }
      if (child.exitValue() != 0) {
        fail(what + ": `" + String.join(" ", args) + "` under " + String.join(" ", JVM_FLAGS)
            + " exited with status " + child.exitValue() + "; its output ends:\n" + tail(log, 40));
      }
    } finally {
      child.destroyForcibly();
    }
    progress(String.format(Locale.ROOT, "%s: %,d ms, heap after GC at most %s", what,
        (System.nanoTime() - start) / 1_000_000, heapAfterGc(gc)));
    Files.delete(log);
    Files.delete(gc);
  }

  private static final java.util.regex.Pattern GC_LINE =
      java.util.regex.Pattern.compile("Pause (Young|Full).* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

  /**
   * The largest heap occupancy after a collection in a -Xlog:gc file, and how many full
   * collections there were. A young collection that gives up at once (as much after as before,
   * when the old generation is full) is followed by a full one and is not counted.
   */
  static String heapAfterGc(Path gcLog) {
    int most = -1;
    int full = 0;
    int size = 0;
    try {
      for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
        java.util.regex.Matcher m = GC_LINE.matcher(line);
        if (m.find()) {
          int before = Integer.parseInt(m.group(2));
          int after = Integer.parseInt(m.group(3));
          size = Math.max(size, Integer.parseInt(m.group(4)));
          if (m.group(1).equals("Full")) {
            full++;
          } else if (after >= before) {
            continue;
          }
          most = Math.max(most, after);
        }
      }
    } catch (IOException e) {
      return "? (" + e.getMessage() + ")";
    }
    return most < 0 ? "? (no collection)"
        : String.format(Locale.ROOT, "%d MB of %d MB (%d full collections)", most, size, full);
  }

  /** {@code java FLAGS -jar JAR args...}, run in the temporary folder (never the repository). */
  private ProcessBuilder command(String... args) {
    return command(List.of(), args);
  }

  /** As {@link #command(String...)}, with more JVM flags after the usual ones. */
  private ProcessBuilder command(List<String> moreFlags, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    command.addAll(moreFlags);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().remove("AIM_ADMIN_TOKEN");
    return builder;
  }

  private void progress(String message) {
    System.out.printf(Locale.ROOT, "[%5.1f s] %s%n", (System.nanoTime() - started) / 1e9, message);
  }

  /** The last lines of a log, for failure messages. */
  private static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }
}
