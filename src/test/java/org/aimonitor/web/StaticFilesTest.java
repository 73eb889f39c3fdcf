package org.aimonitor.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.GZIPInputStream;
import org.aimonitor.AppExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Static files come from the class path as Jetty served them before (see {@link StaticFiles}
 * for why it no longer does): the bytes of the file, its type, a year of caching, a tag that
 * answers 304, brotli or gzip as accepted; never a folder, never a file outside the folder.
 */
class StaticFilesTest {

  @TempDir
  static Path dir;

  @RegisterExtension
  static final AppExtension app = AppExtension.shared();

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = StaticFilesTest.class.getClassLoader().getResourceAsStream(name)) {
      assertNotNull(in, name);
      return in.readAllBytes();
    }
  }

  private static HttpResponse<byte[]> get(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path)));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return app.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void ourFilesAndChartJsAreServedAsTheyAreOnTheClassPath() throws Exception {
    String chartJs = Assets.get().chartJs();
    for (String[] c : List.of(
        new String[] {"/static/css/site.css", "web/static/css/site.css", "text/css; charset=utf-8"},
        new String[] {"/static/js/charts.js", "web/static/js/charts.js", "text/javascript; charset=utf-8"},
        new String[] {"/static/favicon.svg", "web/static/favicon.svg", "image/svg+xml"},
        new String[] {chartJs, "META-INF/resources" + chartJs, "text/javascript; charset=utf-8"})) {
      HttpResponse<byte[]> r = get(c[0]);
      assertEquals(200, r.statusCode(), c[0]);
      assertArrayEquals(resource(c[1]), r.body(), c[0]);
      assertEquals(c[2], r.headers().firstValue("Content-Type").orElse(""), c[0]);
      assertEquals("public, max-age=31536000, immutable",
          r.headers().firstValue("Cache-Control").orElse(""), c[0]);
      assertTrue(r.headers().firstValue("Vary").orElse("").contains("Accept-Encoding"), c[0]);
    }
  }

  @Test
  void aCurrentCopyGets304AndAChangedOneTheFile() {
    HttpResponse<byte[]> first = get("/static/css/site.css");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, get("/static/css/site.css", "If-None-Match", etag).statusCode());
    HttpResponse<byte[]> other = get("/static/css/site.css", "If-None-Match", "\"not-this\"");
    assertEquals(200, other.statusCode());
    assertArrayEquals(first.body(), other.body());
    assertFalse(etag.equals(get("/static/js/charts.js").headers().firstValue("ETag").orElseThrow()),
        "each file has its own tag");
  }

  @Test
  void compressedAsTheRequestAccepts() throws Exception {
    byte[] css = resource("web/static/css/site.css");
    HttpResponse<byte[]> gzip = get("/static/css/site.css", "Accept-Encoding", "gzip");
    assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(""));
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
      assertArrayEquals(css, in.readAllBytes());
    }
    HttpResponse<byte[]> none = get("/static/css/site.css", "Accept-Encoding", "gzip;q=0");
    assertTrue(none.headers().firstValue("Content-Encoding").isEmpty());
    assertArrayEquals(css, none.body());
    if (Compression.BROTLI) {
      HttpResponse<byte[]> br = get("/static/css/site.css", "Accept-Encoding", "br, gzip");
      assertEquals("br", br.headers().firstValue("Content-Encoding").orElse(""));
      assertTrue(br.body().length < css.length / 2, "brotli shrinks the stylesheet");
    }
  }

  @Test
  void headAnswersLikeGetWithoutABody() {
    HttpResponse<byte[]> r = app.send(HttpRequest.newBuilder(URI.create(app.url("/static/css/site.css")))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    assertEquals(0, r.body().length);
    assertEquals("text/css; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void foldersMissingFilesAndOddNamesAre404() {
    for (String path : List.of("/static/css", "/static/css/", "/static/js", "/static/", "/static/x.css",
        "/webjars/chart.js/4.5.1/", "/webjars/chart.js/4.5.1/dist", "/static/css/site.css.orig",
        "/static/.hidden.css", "/static/css/./site.css", "/static/css//site.css")) {
      assertEquals(404, get(path).statusCode(), path);
    }
  }

  /**
   * The same lookups against a folder and against a multi-release jar (as the shaded jar is),
   * through a class loader of their own: files are found with their bytes, folders and names
   * that climb out are not, and big files are served without being kept.
   */
  @Test
  void findsFilesInAFolderAndInAJarButNeverFoldersOrClimbs() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("cp/site/sub"));
    Files.writeString(folder.resolve("a.css"), "a { color: red }");
    byte[] big = new byte[StaticFiles.MAX_KEPT_BYTES + 1];
    Arrays.fill(big, (byte) 'x');
    Files.write(folder.resolve("big.txt"), big);
    Files.writeString(dir.resolve("cp/secret.css"), "outside");
    Path jar = dir.resolve("site.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      for (String name : List.of("site/", "site/sub/", "site/sub/a.css", "site/sub/big.txt", "secret.css")) {
        out.putNextEntry(new JarEntry(name));
        if (!name.endsWith("/")) {
          out.write(name.endsWith("big.txt") ? big
              : (name.equals("secret.css") ? "outside" : "a { color: red }").getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
      }
    }
    for (URL root : List.of(dir.resolve("cp").toUri().toURL(), jar.toUri().toURL())) {
      try (URLClassLoader loader = new URLClassLoader(new URL[] {root}, null)) {
        StaticFiles files = new StaticFiles("site", loader);
        StaticFiles.Entry css = files.find("sub/a.css");
        assertNotNull(css, root.toString());
        assertEquals("a { color: red }", new String(css.body, StandardCharsets.UTF_8));
        assertSame(css, files.find("sub/a.css"), "kept after the first request");
        StaticFiles.Entry large = files.find("sub/big.txt");
        assertEquals(big.length, large.body.length);
        assertFalse(large == files.find("sub/big.txt"), "a big file is read again, not kept");
        for (String name : List.of("sub", "sub/", "../secret.css", "sub/../../secret.css", "./sub/a.css",
            "/sub/a.css", "sub\\a.css", "sub/a.css%00", "sub/missing.css", "")) {
          assertNull(files.find(name), root + " " + name);
        }
      }
    }
  }
}
