package org.aimonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;
import org.aimonitor.SeededDatabase;
import org.aimonitor.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache in front of a counting handler, on a real server and database. */
class PageCacheTest {

  @TempDir
  Path dir;

  @Test
  void concurrentFirstRequestsRenderAPageOnceAndAnImportRendersItAgain() throws Exception {
    Database db = SeededDatabase.open(dir.resolve("monitor.db"));
    PageCache cache = new PageCache(db);
    AtomicInteger renders = new AtomicInteger();
    // The first render is held until the other eleven requests wait for it, so the requests
    // provably overlap however fast or slow the machine is.
    CountDownLatch othersWaiting = new CountDownLatch(11);
    cache.onWaitingForRender(othersWaiting::countDown);
    AtomicBoolean overlapped = new AtomicBoolean();
    Javalin app = Javalin.create(config -> config.routes.get("/page", cache.wrap(ctx -> {
      if (renders.incrementAndGet() == 1) {
        overlapped.set(othersWaiting.await(30, TimeUnit.SECONDS));
      }
      ctx.html("<p>page</p>");
    }))).start("127.0.0.1", 0);
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/page")).build();
      List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        responses.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
      }
      for (CompletableFuture<HttpResponse<String>> r : responses) {
        assertEquals("<p>page</p>", r.get().body());
      }
      assertTrue(overlapped.get(), "the other eleven requests waited for the first one's render");
      assertEquals(1, renders.get(), "twelve requests, one render");

      db.jdbi().useHandle(h -> h.execute("UPDATE observation SET note = 'changed' WHERE id = 1"));
      assertEquals("<p>page</p>", http.send(request, HttpResponse.BodyHandlers.ofString()).body());
      assertEquals(2, renders.get(), "a change of the data renders the page again");
    } finally {
      app.stop();
    }
  }

  /** A real server whose one route renders {@code page}, counting renders; the cache over it. */
  private record Served(Javalin app, PageCache cache, AtomicInteger renders) implements AutoCloseable {

    HttpResponse<String> get(String pathAndQuery) throws Exception {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + app.port() + pathAndQuery)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
      app.stop();
    }
  }

  private Served serve(long maxBytes, java.util.function.Function<String, String> page) {
    Database db = SeededDatabase.open(dir.resolve("monitor.db"));
    PageCache cache = new PageCache(db, maxBytes);
    AtomicInteger renders = new AtomicInteger();
    KnownParams.declare("/cached", QueryParams.of("n"));
    Javalin app = Javalin.create(config -> config.routes.get("/cached", cache.wrap(ctx -> {
      renders.incrementAndGet();
      ctx.cookie("seen", "1");
      ctx.html(page.apply(String.valueOf(ctx.queryParam("n"))));
    }))).start("127.0.0.1", 0);
    return new Served(app, cache, renders);
  }

  @Test
  void parametersTheRouteDoesNotKnowNeitherSplitNorGrowTheCache() throws Exception {
    try (Served s = serve(PageCache.DEFAULT_BYTES, n -> "<p>" + n + "</p>")) {
      for (int i = 0; i < 50; i++) {
        assertEquals("<p>null</p>", s.get("/cached?x=" + i + "&utm_source=" + i).body());
      }
      assertEquals(1, s.renders().get(), "fifty unknown values, one page");
      assertEquals(1, s.cache().size());
      assertEquals("<p>7</p>", s.get("/cached?n=7&x=1").body());
      assertEquals("<p>7</p>", s.get("/cached?x=2&n=7").body());
      assertEquals(2, s.renders().get(), "a known parameter is part of the key");
      assertEquals(2, s.cache().size());
    }
  }

  @Test
  void theCacheStaysWithinItsBytesAndKeepsNoPageLargerThanAnEighthOfThem() throws Exception {
    long max = 64 * 1024;
    try (Served s = serve(max, n -> n.equals("big") ? "<p>" + "x".repeat(12_000) + "</p>"
        : "<p>" + n + " " + "y".repeat(5_000) + "</p>")) {
      for (int i = 0; i < 40; i++) {
        assertEquals(200, s.get("/cached?n=" + i).statusCode());
        assertTrue(s.cache().bytes() <= max, s.cache().bytes() + " bytes held after page " + i);
      }
      assertTrue(s.cache().size() < 40, "the least recently used pages made room");
      assertTrue(s.cache().size() >= 6, "but as many as fit are kept: " + s.cache().size());
      int before = s.renders().get();
      s.get("/cached?n=big");
      s.get("/cached?n=big");
      assertEquals(before + 2, s.renders().get(), "a page over an eighth of the budget is not kept");
    }
  }

  @Test
  void aCachedAnswerDoesNotRepeatTheCookieOfTheRequestThatRenderedIt() throws Exception {
    try (Served s = serve(PageCache.DEFAULT_BYTES, n -> "<p>" + n + "</p>")) {
      assertTrue(s.get("/cached").headers().firstValue("Set-Cookie").isPresent(), "set by the render");
      assertTrue(s.get("/cached").headers().firstValue("Set-Cookie").isEmpty(), "not replayed");
    }
  }

  @Test
  void withNoBudgetEveryRequestRenders() throws Exception {
    try (Served s = serve(0, n -> "<p>" + n + "</p>")) {
      s.get("/cached");
      s.get("/cached");
      assertEquals(2, s.renders().get());
      assertEquals(0, s.cache().size());
    }
  }

  /**
   * #26 row 1: a render that does not finish (held by a latch) keeps only the requests for its
   * own page waiting. Other pages render, cached pages answer, and so do they while every render
   * slot is held.
   */
  @Test
  void aHeldRenderMakesOnlyRequestsForTheSamePageWait() throws Exception {
    Database db = SeededDatabase.open(dir.resolve("monitor.db"));
    PageCache cache = new PageCache(db);
    CountDownLatch release = new CountDownLatch(1);
    Semaphore entered = new Semaphore(0);
    AtomicInteger heldRenders = new AtomicInteger();
    KnownParams.declare("/held", QueryParams.of("n"));
    KnownParams.declare("/free", QueryParams.of("n"));
    Javalin app = Javalin.create(config -> {
      config.routes.get("/held", cache.wrap(ctx -> {
        heldRenders.incrementAndGet();
        entered.release();
        release.await();
        ctx.html("<p>held " + ctx.queryParam("n") + "</p>");
      }));
      config.routes.get("/free", cache.wrap(ctx -> ctx.html("<p>free " + ctx.queryParam("n") + "</p>")));
    }).start("127.0.0.1", 0);
    HttpClient http = HttpClient.newHttpClient();
    java.util.function.Function<String, HttpRequest> get = path -> HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + app.port() + path)).build();
    try {
      assertEquals("<p>free hot</p>", http.send(get.apply("/free?n=hot"), HttpResponse.BodyHandlers.ofString()).body());

      // The held page is one the cache of release 0.1 filed under the hot page's lock stripe
      // (64 stripes by the key's hash), as an attacker would pick it: there, the hits waited.
      String held = "/held?n=" + sameOldStripe(app.port(), "/free?n=hot&");
      CompletableFuture<HttpResponse<String>> first = http.sendAsync(get.apply(held),
          HttpResponse.BodyHandlers.ofString());
      entered.acquire();
      CompletableFuture<HttpResponse<String>> samePage = http.sendAsync(get.apply(held),
          HttpResponse.BodyHandlers.ofString());

      assertEquals("<p>free hot</p>", http.send(get.apply("/free?n=hot"), HttpResponse.BodyHandlers.ofString()).body(),
          "a cached page answers while another page renders");
      assertEquals("<p>free 2</p>", http.send(get.apply("/free?n=2"), HttpResponse.BodyHandlers.ofString()).body(),
          "another missing page renders while that one does");

      // Now hold every render slot: misses of other pages queue, hits still answer.
      List<CompletableFuture<HttpResponse<String>>> others = new ArrayList<>();
      for (int i = 2; i <= PageCache.RENDERS; i++) {
        others.add(http.sendAsync(get.apply("/held?n=other" + i), HttpResponse.BodyHandlers.ofString()));
        entered.acquire();
      }
      long hits = cache.hits();
      for (int i = 0; i < 20; i++) {
        assertEquals("<p>free hot</p>", http.send(get.apply("/free?n=hot"), HttpResponse.BodyHandlers.ofString()).body());
      }
      assertEquals(hits + 20, cache.hits(), "answered from the cache, with every render slot busy");
      assertFalse(first.isDone() || samePage.isDone(), "the held page's readers wait for it");

      release.countDown();
      assertEquals(first.get().body(), samePage.get().body());
      assertTrue(first.get().body().startsWith("<p>held "));
      for (CompletableFuture<HttpResponse<String>> other : others) {
        assertEquals(200, other.get().statusCode());
      }
      assertEquals(PageCache.RENDERS, heldRenders.get(), "one render per page, the waiter shared it");
    } finally {
      release.countDown();
      app.stop();
    }
  }

  /** A value of {@code n} whose /held key fell on {@code hot}'s stripe in the old cache. */
  private static String sameOldStripe(int port, String hot) {
    String origin = "http://127.0.0.1:" + port;
    String tail = "|en|" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "|";
    int stripe = Math.floorMod((origin + hot + tail).hashCode(), 64);
    for (int n = 0; ; n++) {
      if (Math.floorMod((origin + "/held?n=" + n + "&" + tail).hashCode(), 64) == stripe) {
        return Integer.toString(n);
      }
    }
  }

  /**
   * No reader is served a page older than the data it could see when it asked: while a writer
   * in this process commits change after change, every answer shows at least the version that
   * was committed before its request was sent.
   */
  @Test
  void noReaderIsServedAPageOlderThanTheVersionCommittedBeforeItAsked() throws Exception {
    Database db = SeededDatabase.open(dir.resolve("monitor.db"));
    PageCache cache = new PageCache(db);
    Javalin app = Javalin.create(config -> config.routes.get("/version", cache.wrap(ctx ->
        ctx.html(Long.toString(db.store().version().number()))))).start("127.0.0.1", 0);
    AtomicLong committed = new AtomicLong(db.version().number());
    AtomicBoolean done = new AtomicBoolean();
    try {
      Thread writer = new Thread(() -> {
        for (int i = 0; i < 40; i++) {
          db.jdbi().useHandle(h -> h.execute("UPDATE observation SET note = ? WHERE id = 1", "n" + System.nanoTime()));
          committed.set(db.jdbi().withHandle(h -> h.createQuery("SELECT version FROM data_version")
              .mapTo(Long.class).one()));
        }
        done.set(true);
      });
      writer.start();
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/version")).build();
      int answers = 0;
      while (!done.get() || answers < 50) {
        long before = committed.get();
        long shown = Long.parseLong(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        assertTrue(shown >= before, "committed " + before + " before asking, shown " + shown);
        answers++;
      }
      writer.join();
    } finally {
      app.stop();
    }
  }

  /** Another process's commit shows once the check interval has passed; before it, hits cost no SQL. */
  @Test
  void anotherProcessesImportShowsWithinTheCheckInterval() throws Exception {
    AtomicLong now = new AtomicLong();
    Database db = Database.open(SeededDatabase.copyTo(dir.resolve("monitor.db")), now::get);
    Database commandLine = Database.open(dir.resolve("monitor.db"));
    PageCache cache = new PageCache(db);
    AtomicInteger renders = new AtomicInteger();
    Javalin app = Javalin.create(config -> config.routes.get("/version", cache.wrap(ctx -> {
      renders.incrementAndGet();
      ctx.html(Long.toString(db.version().number()));
    }))).start("127.0.0.1", 0);
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/version")).build();
      String first = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
      commandLine.jdbi().useHandle(h -> h.execute("UPDATE observation SET note = 'cli' WHERE id = 1"));
      assertEquals(first, http.send(request, HttpResponse.BodyHandlers.ofString()).body(),
          "within the interval: the page held");
      assertEquals(1, renders.get());
      now.addAndGet(Database.CHECK_INTERVAL.toNanos());
      String after = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(Long.parseLong(after) > Long.parseLong(first), first + " then " + after);
      assertEquals(2, renders.get());
    } finally {
      app.stop();
    }
  }

  /** Values are trimmed before they key a page: {@code n=%205} is the page {@code n=5}. */
  @Test
  void paddedValuesAreThePageOfTheTrimmedValue() throws Exception {
    try (Served s = serve(PageCache.DEFAULT_BYTES, n -> "<p>" + n + "</p>")) {
      s.get("/cached?n=5");
      s.get("/cached?n=%205");
      s.get("/cached?n=5%20%20");
      assertEquals(1, s.renders().get());
      assertEquals(1, s.cache().size());
    }
  }
}
