package org.aimonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.aimonitor.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #26 rows 3 and 5: absolute links (citations, hreflang, feeds) come from a trusted origin only:
 * the configured public address, a trusted proxy's headers, or the validated Host of the request
 * the page was rendered and cached for; AIM_HTTPS makes them https.
 */
class TrustedOriginTest {

  @TempDir
  Path dir;

  /** A GET with the request line and headers exactly as given (HttpClient refuses to forge Host). */
  private static String raw(int port, String path, String... headers) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
      for (String h : headers) {
        request.append(h).append("\r\n");
      }
      request.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      in.transferTo(body);
      return body.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void aForgedHostNeverReachesTheDataPagesCitationOfAnotherReader() throws Exception {
    try (TestApp app = TestApp.start(dir)) {
      String attacker = raw(app.port(), "/data", "Host: attacker_site.example");
      assertTrue(attacker.startsWith("HTTP/1.1 200"), attacker.lines().findFirst().orElse(""));
      assertFalse(attacker.contains("attacker_site"), "an invalid host is not written");
      for (String host : new String[] {"Host: localhost", "Host: localhost:80"}) {
        String reader = raw(app.port(), "/data", host);
        assertTrue(reader.startsWith("HTTP/1.1 200"));
        assertFalse(reader.contains("attacker_site"), host + " reads no forged citation");
        assertTrue(reader.contains("http://localhost/data"), "cites the address it was read on");
      }
    }
  }

  @Test
  void withAPublicAddressEveryAbsoluteLinkUsesItWhateverTheHost() throws Exception {
    try (TestApp app = TestApp.start(dir, Map.of("AIM_PUBLIC_URL", "https://Monitor.Example.org/"))) {
      for (String host : new String[] {"Host: evil.example", "Host: 127.0.0.1:" + app.port()}) {
        String data = raw(app.port(), "/data", host);
        assertTrue(data.contains("https://monitor.example.org/data"), "the citation");
        assertTrue(data.contains("hreflang=\"en\" href=\"https://monitor.example.org/data?lang=en\""),
            "the hreflang links");
        assertFalse(data.contains("evil.example"));
        String feed = raw(app.port(), "/updates.atom", host);
        assertTrue(feed.contains("https://monitor.example.org/updates"), "the feed's links");
        assertFalse(feed.contains("evil.example") || feed.contains("http://127.0.0.1"));
      }
    }
  }

  @Test
  void behindATlsProxyLinksAreHttps() throws Exception {
    try (TestApp app = TestApp.start(dir, Map.of("AIM_HTTPS", "true"))) {
      String page = raw(app.port(), "/", "Host: monitor.example.org");
      assertTrue(page.contains("href=\"https://monitor.example.org/?lang=en\""), "hreflang on https");
      assertFalse(page.contains("http://monitor.example.org"));
    }
  }

  @Test
  void proxyHeadersCountOnlyWhenTheProxyIsTrusted() throws Exception {
    String[] forwarded = {"Host: 10.0.0.5:8080", "X-Forwarded-Proto: https",
        "X-Forwarded-Host: monitor.example.org"};
    try (TestApp app = TestApp.start(dir.resolve("untrusted"))) {
      String page = raw(app.port(), "/data", forwarded);
      assertTrue(page.contains("http://10.0.0.5:8080/data"), "ignored: a client could forge them");
      assertFalse(page.contains("monitor.example.org"));
    }
    try (TestApp app = TestApp.start(dir.resolve("trusted"), Map.of("AIM_TRUST_PROXY", "true"))) {
      assertTrue(raw(app.port(), "/data", forwarded).contains("https://monitor.example.org/data"));
      assertTrue(raw(app.port(), "/data", "Host: 10.0.0.5:8080",
          "Forwarded: for=192.0.2.1;proto=https;host=\"site.example\"").contains("https://site.example/data"),
          "RFC 7239 Forwarded");
      String bad = raw(app.port(), "/data", "Host: 10.0.0.5:8080", "X-Forwarded-Host: <b>x</b>");
      assertFalse(bad.contains("<b>x"), "a forwarded host is validated like any other");
    }
  }

  @Test
  void aPublicAddressThatIsNotAnOriginIsRefusedByName() {
    for (String url : new String[] {"monitor.example.org", "ftp://monitor.example.org",
        "https://monitor.example.org/path", "https://user@monitor.example.org"}) {
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class,
          () -> org.aimonitor.config.Settings.fromEnvironment(Map.of("AIM_PUBLIC_URL", url)));
      assertTrue(e.getMessage().startsWith("AIM_PUBLIC_URL="), e.getMessage());
    }
    assertEquals("https://monitor.example.org:8443", Addresses.Policy.origin("X",
        "https://monitor.example.org:8443"));
  }
}
