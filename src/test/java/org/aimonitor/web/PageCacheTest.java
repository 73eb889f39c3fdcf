package org.aimonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.aimonitor.importer.Seeder;
import org.aimonitor.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache in front of a counting handler, on a real server and database. */
class PageCacheTest {

  @TempDir
  Path dir;

  @Test
  void concurrentFirstRequestsRenderAPageOnceAndAnImportRendersItAgain() throws Exception {
    Database db = Database.open(dir.resolve("monitor.db"));
    Seeder.seedIfEmpty(db);
    PageCache cache = new PageCache(db);
    AtomicInteger renders = new AtomicInteger();
    Javalin app = Javalin.create(config -> config.routes.get("/page", cache.wrap(ctx -> {
      renders.incrementAndGet();
      Thread.sleep(300); // a slow render, so that the other requests arrive while it runs
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
    Database db = Database.open(dir.resolve("monitor.db"));
    Seeder.seedIfEmpty(db);
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
}
