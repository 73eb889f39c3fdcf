package org.aimonitor.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The URLs pages load their assets from. Our own files carry a hash of their content
 * ({@code ?v=}), so they can be cached for a year and still change the moment a file does;
 * Chart.js comes from its webjar, whose path already names its version.
 */
public record Assets(String chartJs, String chartsJs, String css, String favicon, String searchJs) {

  private static final Assets INSTANCE = load();

  public static Assets get() {
    return INSTANCE;
  }

  private static Assets load() {
    String pom = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";
    try (InputStream in = Assets.class.getResourceAsStream(pom)) {
      if (in == null) {
        throw new IllegalStateException("the Chart.js webjar is missing from the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      return new Assets("/webjars/chart.js/" + p.getProperty("version") + "/dist/chart.umd.min.js",
          versioned("js/charts.js"), versioned("css/site.css"), versioned("favicon.svg"),
          versioned("js/search.js"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code /static/FILE?v=HASH}, the hash being the first 12 hex digits of the file's SHA-256. */
  static String versioned(String file) {
    try (InputStream in = Assets.class.getResourceAsStream("/web/static/" + file)) {
      if (in == null) {
        throw new IllegalStateException("static file " + file + " is missing from the build");
      }
      return "/static/" + file + "?v=" + StaticFiles.sha256(in.readAllBytes()).substring(0, 12);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
