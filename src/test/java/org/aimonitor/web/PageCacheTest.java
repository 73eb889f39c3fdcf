package org.aimonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.aimonitor.store.Database;
import org.aimonitor.store.Seeder;
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
}
