package org.aimonitor.download;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.aimonitor.LogCapture;
import org.aimonitor.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that goes away in the middle of a download or an upload (issue 26, row 4) is one
 * quiet line in the log, not an ERROR with a stack trace: 200 aborted downloads wrote 1.8 MB.
 */
class AbortedDownloadsTest {

  private static final int ABORTS = 20;

  @TempDir
  Path dir;

  @Test
  void aClientThatGoesAwayIsOneLineWithoutAStackTrace() throws Exception {
    try (LogCapture log = new LogCapture(); TestApp app = TestApp.start(dir)) {
      // Notes of 20 KB each make observations.csv (5 MB) larger than the socket buffers, so the
      // server is still writing when the client resets the connection.
      app.db().writer().useHandle(h -> h.execute("UPDATE observation SET note = hex(randomblob(10000))"));
      for (int i = 0; i < ABORTS; i++) {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
          OutputStream out = socket.getOutputStream();
          out.write("GET /data/observations.csv HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
              .getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          InputStream in = socket.getInputStream();
          in.readNBytes(1024);
          socket.setSoLinger(true, 0);
        }
      }
      Instant deadline = Instant.now().plusSeconds(60);
      while (count(log.text(), "the client went away") < ABORTS && Instant.now().isBefore(deadline)) {
        Thread.sleep(50);
      }
      String logged = log.text();
      assertTrue(count(logged, "GET /data/observations.csv: the client went away") >= ABORTS, logged);
      assertFalse(logged.contains("ERROR"), logged);
      assertFalse(logged.contains("\tat "), "no stack trace:\n" + logged);
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
