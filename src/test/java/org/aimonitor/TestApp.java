package org.aimonitor;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.aimonitor.app.App;
import org.aimonitor.config.Settings;
import org.aimonitor.importer.Seeder;
import org.aimonitor.store.Database;

/**
 * The real app on a free port over a fresh, seeded SQLite file in a temporary folder (a copy of
 * the {@link SeededDatabase} template): the one fixture every page, API and browser test starts
 * from, usually through {@link AppExtension}. Close it to stop the server.
 */
public final class TestApp implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private final Path dir;
  private final Database db;
  private final Javalin app;

  private TestApp(Path dir, Database db, Javalin app) {
    this.dir = dir;
    this.db = db;
    this.app = app;
  }

  /** Copies the seeded database into {@code dir} and starts the app on port 0, without admin pages. */
  public static TestApp start(Path dir) {
    return start(dir, Map.of());
  }

  /** As {@link #start(Path)}, with the admin pages on for {@code adminToken}. */
  public static TestApp start(Path dir, String adminToken) {
    return start(dir, Map.of(Settings.ADMIN_TOKEN.name(), adminToken));
  }

  /** As {@link #start(Path)}, with the settings read from {@code env} (PORT and AIM_DB_PATH are set here). */
  public static TestApp start(Path dir, Map<String, String> env) {
    return start(dir, env, java.time.Clock.systemUTC());
  }

  /**
   * As {@link #start(Path)}, on the day {@code clock} says: whether a release is due or overdue
   * depends on it, so tests of freshness fix the day.
   */
  public static TestApp start(Path dir, java.time.Clock clock) {
    return start(dir, Map.of(), clock);
  }

  /** As {@link #start(Path, Map)}, on the day {@code clock} says. */
  public static TestApp start(Path dir, Map<String, String> env, java.time.Clock clock) {
    Map<String, String> all = new HashMap<>(env);
    all.put(Settings.PORT.name(), "0");
    all.put(Settings.DB_PATH.name(), dir.resolve("monitor.db").toString());
    Settings settings = Settings.fromEnvironment(all);
    Database db = SeededDatabase.open(settings.dbPath());
    return new TestApp(dir, db, App.create(settings, db, clock).start("127.0.0.1", 0));
  }

  /**
   * As {@link #start(Path, Map)}, over the database at {@code dbPath} as given, which may end in
   * SQLite URI parameters (e.g. {@code ?max_page_count=N}, to make a full disk real).
   */
  public static TestApp over(Path dir, String dbPath, Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.put(Settings.PORT.name(), "0");
    all.put(Settings.DB_PATH.name(), dbPath);
    Settings settings = Settings.fromEnvironment(all);
    Database db = Database.open(settings.dbPath());
    Seeder.seedIfEmpty(db);
    return new TestApp(dir, db, App.create(settings, db, java.time.Clock.systemUTC()).start("127.0.0.1", 0));
  }

  /** Starts the app with its own temporary folder (for tests that do not have a @TempDir). */
  public static TestApp start() {
    try {
      return start(Files.createTempDirectory("aim-test"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Database db() {
    return db;
  }

  public Path dir() {
    return dir;
  }

  public int port() {
    return app.port();
  }

  /** The absolute URL of {@code path} on this server. */
  public String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  /** GET {@code path} with request headers given as name, value, name, value … */
  public HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Sends {@code request}, reading the body with {@code body}. */
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return HTTP.send(request, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends {@code GET target} byte for byte over a socket, for targets an HTTP client would refuse
   * to send (malformed escapes, raw dot segments, another Host); returns the whole response as
   * text.
   */
  public String raw(String target, String... headerLines) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port())) {
      socket.setSoTimeout(10_000);
      StringBuilder headers = new StringBuilder();
      boolean host = false;
      for (String line : headerLines) {
        headers.append(line).append("\r\n");
        host |= line.regionMatches(true, 0, "Host:", 0, 5);
      }
      String request = "GET " + target + " HTTP/1.1\r\n" + (host ? "" : "Host: 127.0.0.1\r\n") + headers
          + "Connection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
