package org.aimonitor.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Stopping the server (what SIGTERM does) refuses new connections but lets requests in flight end. */
class GracefulStopTest {

  @Test
  void aRequestInFlightFinishesWhileTheServerStopsAcceptingConnections() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Javalin app = Javalin.create(config -> {
      App.gracefulStop(config);
      config.routes.get("/slow", ctx -> {
        entered.countDown();
        release.await(60, SECONDS);
        ctx.result("finished");
      });
    }).start("127.0.0.1", 0);
    int port = app.port();

    CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertTrue(entered.await(60, SECONDS), "the request reached its handler");

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::stop);
    awaitConnectionRefused(port);
    release.countDown();

    HttpResponse<String> response = inFlight.get(60, SECONDS);
    assertEquals(200, response.statusCode());
    assertEquals("finished", response.body());
    stopping.get(60, SECONDS);
  }

  /** Waits (generously) until the port no longer accepts connections. */
  private static void awaitConnectionRefused(int port) throws InterruptedException {
    for (int attempt = 0; attempt < 600; attempt++) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      } catch (ConnectException refused) {
        return;
      } catch (IOException other) {
        // A timeout or reset while stopping: try again.
      }
      Thread.sleep(100);
    }
    fail("the server still accepts connections a minute after stop()");
  }
}
