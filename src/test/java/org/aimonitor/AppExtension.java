package org.aimonitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.aimonitor.config.Settings;
import org.aimonitor.store.Database;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The started app as a JUnit 5 extension (after jdbi's {@code JdbiExtension}): the real server on
 * port 0 over a copy of the seeded database ({@link SeededDatabase}). Register it on a static
 * field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AppExtension app = AppExtension.shared();          // reads only
 * @RegisterExtension
 * static final AppExtension app = AppExtension.own().adminToken(T); // writes: its own copy
 * }</pre>
 *
 * <p>{@link #shared()} serves every class that only reads from one app per JVM, started by the
 * first of them and stopped when the JVM's tests end (it lives in the root context's store); a
 * class that imports, uploads or otherwise changes what another class would read takes
 * {@link #own()}, an app over its own copy started before its first test and stopped after its
 * last; {@link #eachTest()} one for each test, for classes whose tests each change the data or
 * the day. Either way the copied helpers live here: {@link #page}, {@link #json}, {@link #get}.
 */
public final class AppExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(AppExtension.class);

  private final boolean shared;
  private final boolean eachTest;
  private final Map<String, String> env = new HashMap<>();
  private Clock clock = Clock.systemUTC();
  private java.time.LocalDate day;
  private TestClock testClock;
  private Started started;

  private AppExtension(boolean shared, boolean eachTest) {
    this.shared = shared;
    this.eachTest = eachTest;
  }

  /** The app every read-only class shares: no admin pages, the system clock, default settings. */
  public static AppExtension shared() {
    return new AppExtension(true, false);
  }

  /** An app of this class's own, over its own copy of the seeded database. */
  public static AppExtension own() {
    return new AppExtension(false, false);
  }

  /** A new app over a new copy of the seeded database for each test, stopped after it. */
  public static AppExtension eachTest() {
    return new AppExtension(false, true);
  }

  /** With the admin pages on for {@code token} (an own app only). */
  public AppExtension adminToken(String token) {
    return env(Settings.ADMIN_TOKEN.name(), token);
  }

  /** With setting {@code name} (its environment name) set to {@code value} (an own app only). */
  public AppExtension env(String name, String value) {
    ownOnly();
    env.put(name, value);
    return this;
  }

  /** On the day {@code clock} says, e.g. a {@link TestClock} (an own app only). */
  public AppExtension clock(Clock clock) {
    ownOnly();
    this.clock = clock;
    return this;
  }

  /**
   * On a {@link TestClock} standing at noon of {@code day}, new for each start (an own app
   * only); a test moves it through {@link #clock()}.
   */
  public AppExtension clockAt(java.time.LocalDate day) {
    ownOnly();
    this.day = day;
    return this;
  }

  /** The clock made by {@link #clockAt} for the app now running. */
  public TestClock clock() {
    if (testClock == null) {
      throw new IllegalStateException("no clockAt(day) given, or the app has not started");
    }
    return testClock;
  }

  private void ownOnly() {
    if (shared) {
      throw new IllegalStateException("the shared app has default settings; use AppExtension.own()");
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (shared) {
      started = context.getRoot().getStore(NAMESPACE)
          .getOrComputeIfAbsent(Started.class, k -> Started.start(Map.of(), Clock.systemUTC()), Started.class);
    } else if (!eachTest) {
      startOwn();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (eachTest) {
      startOwn();
    }
  }

  private void startOwn() {
    if (day != null) {
      testClock = TestClock.at(day);
    }
    started = Started.start(env, day != null ? testClock : clock);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (eachTest) {
      stopOwn();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (!shared && !eachTest) {
      stopOwn();
    }
  }

  private void stopOwn() {
    if (started != null) {
      try {
        started.close();
      } finally {
        started = null;
        testClock = null;
      }
    }
  }

  /** A started app in a temporary folder, which closing deletes. */
  private record Started(Path dir, TestApp app) implements AutoCloseable {

    static Started start(Map<String, String> env, Clock clock) {
      try {
        Path dir = Files.createTempDirectory("aim-app");
        return new Started(dir, TestApp.start(dir, env, clock));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        app.close();
      } finally {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
          // A leftover temporary folder is harmless.
        }
      }
    }
  }

  /** The started app (from the class's first test on). */
  public TestApp app() {
    if (started == null) {
      throw new IllegalStateException("the app has not started yet (or failed to start)");
    }
    return started.app();
  }

  public Database db() {
    return app().db();
  }

  /** The folder the app's database is in; a test may write its own files there too. */
  public Path dir() {
    return app().dir();
  }

  public int port() {
    return app().port();
  }

  /** The absolute URL of {@code path} on the app. */
  public String url(String path) {
    return app().url(path);
  }

  /** GET {@code path} with request headers given as name, value, name, value … */
  public HttpResponse<String> get(String path, String... headers) {
    return app().get(path, headers);
  }

  public HttpResponse<String> send(HttpRequest request) {
    return app().send(request);
  }

  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    return app().send(request, body);
  }

  /** See {@link TestApp#raw}. */
  public String raw(String target, String... headerLines) {
    return app().raw(target, headerLines);
  }

  /** The HTML page at {@code path}, which must answer 200. */
  public Document page(String path) {
    return page(path, 200);
  }

  /** The HTML page at {@code path}, which must answer {@code status} as text/html. */
  public Document page(String path, int status) {
    HttpResponse<String> r = get(path);
    assertEquals(status, r.statusCode(), path + ": " + r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
        path + " is " + r.headers().firstValue("Content-Type").orElse("without a type"));
    return Jsoup.parse(r.body(), url(path));
  }

  /** The JSON at {@code path}, which must answer 200. */
  public JsonNode json(String path) {
    HttpResponse<String> r = get(path);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError(path + " is not JSON: " + r.body(), e);
    }
  }
}
