package org.aimonitor.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Where the pages load their scripts from: Chart.js from its webjar, at the version on the classpath. */
public record Assets(String chartJs) {

  public static Assets fromClasspath() {
    String pom = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";
    try (InputStream in = Assets.class.getResourceAsStream(pom)) {
      if (in == null) {
        throw new IllegalStateException("the Chart.js webjar is missing from the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      return new Assets("/webjars/chart.js/" + p.getProperty("version") + "/dist/chart.umd.min.js");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
