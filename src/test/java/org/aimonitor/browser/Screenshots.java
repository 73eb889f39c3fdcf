package org.aimonitor.browser;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.aimonitor.TestApp;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Makes the README's pictures from the real app: the overview in English as a reader's browser
 * shows it ({@code overview.png}), page 1 of the summary as Chromium prints it to A4
 * ({@code summary-print.png}, and {@code summary-print-zh.png} in Chinese), and in
 * {@code screens/} the overview, an indicator page's ranking of places, a full ranking and a
 * place page at 375 and 1280 px in English and Chinese ({@link #SHOTS}). Not a test: run it after changing the pages, with
 * {@code mvn -B -q test-compile exec:exec@screenshots}, and commit the PNGs. It starts the app on
 * a free port over a freshly seeded database in a temporary folder and drives Debian's headless
 * Chromium like the browser tests do, with charts drawn and not animating.
 *
 * <p>Argument: the folder to write to (default {@code docs}). Each PNG must stay under
 * {@link #MAX_BYTES} (checked here and by {@code DocsTest}), so the README stays quick to load.
 */
public final class Screenshots {

  /** The largest PNG the docs accept. */
  static final long MAX_BYTES = 300 * 1024;
  /** The overview's visible part: the width of a laptop screen, the header, cards and first charts. */
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 1200;
  /** A phone: the width of most, and a screen and a half of height. */
  private static final int PHONE = 375;
  private static final int PHONE_HEIGHT = 1100;
  /** A laptop screen, below its browser bar. */
  private static final int SCREEN_HEIGHT = 860;

  /**
   * A page in {@code docs/screens/}: its file name, its path, and the element its picture starts
   * at (null: the top of the page).
   */
  record Shot(String name, String path, String from) {
  }

  /**
   * The overview, an indicator page with regional figures at its ranking, the full ranking and a
   * place page at its indicators table.
   */
  static final java.util.List<Shot> SHOTS = java.util.List.of(
      new Shot("overview", "/", null),
      new Shot("indicator-places", "/indicators/ai_industry_scale", "#places"),
      new Shot("ranking", "/indicators/ai_enterprises/ranking", "#ranking-title"),
      new Shot("place", "/regions/CN-BJ", "#indicators-title"));

  /** Resolution of the printed page image: A4 at 96 dpi is 794 x 1123 pixels. */
  private static final float PRINT_DPI = 96;

  private Screenshots() {
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "docs");
    Files.createDirectories(out);
    Path dir = Files.createTempDirectory("aim-screenshots");
    try (TestApp app = TestApp.start(dir);
        Browser browser = Browser.start(WIDTH, HEIGHT, null)) {
      // No animation: a chart caught half-grown would be a wrong picture of the data.
      browser.emulateMedia(null, Map.of("prefers-reduced-motion", "reduce"));
      browser.viewport(WIDTH, HEIGHT);
      // A picture of the page, not of the window: no scroll bar along its edge.
      browser.driver().executeCdpCommand("Emulation.setScrollbarsHidden", Map.of("hidden", true));
      browser.open(app.url("/?lang=en"));
      Path overview = out.resolve("overview.png");
      write(overview, capture(browser, WIDTH, HEIGHT));

      browser.open(app.url("/summary?lang=en"));
      byte[] pdf = browser.printToPdf();
      Path summary = out.resolve("summary-print.png");
      write(summary, firstPage(pdf));
      browser.open(app.url("/summary?lang=zh"));
      write(out.resolve("summary-print-zh.png"), firstPage(browser.printToPdf()));

      // Every page kind a reader meets first, on a phone and a laptop, in both languages.
      Path screens = Files.createDirectories(out.resolve("screens"));
      for (Shot shot : SHOTS) {
        for (String lang : java.util.List.of("en", "zh")) {
          for (int width : java.util.List.of(PHONE, WIDTH)) {
            int height = width == PHONE ? PHONE_HEIGHT : SCREEN_HEIGHT;
            browser.viewport(width, height);
            String sep = shot.path().contains("?") ? "&" : "?";
            browser.open(app.url(shot.path() + sep + "lang=" + lang));
            write(screens.resolve(shot.name() + "-" + lang + "-" + width + ".png"),
                capture(browser, width, height, top(browser, shot.from())));
          }
        }
      }
      browser.driver().manage().deleteCookieNamed("lang");
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The top {@code width} x {@code height} CSS pixels of the page, at one device pixel each. */
  private static byte[] capture(Browser browser, int width, int height) {
    return capture(browser, width, height, 0);
  }

  /** {@code width} x {@code height} CSS pixels of the page from {@code y} down. */
  private static byte[] capture(Browser browser, int width, int height, int y) {
    Map<String, Object> result = browser.driver().executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", y, "width", width, "height", height, "scale", 1)));
    return Base64.getDecoder().decode((String) result.get("data"));
  }

  /** Where the picture starts: the top of the element {@code selector} (a little above), or 0. */
  private static int top(Browser browser, String selector) {
    if (selector == null) {
      return 0;
    }
    Object y = browser.js("var e = document.querySelector(arguments[0]);"
        + " return e ? Math.max(0, Math.round(e.getBoundingClientRect().top + window.scrollY) - 8) : 0;",
        selector);
    return ((Number) y).intValue();
  }

  /** Page 1 of {@code pdf} rendered as an RGB image, as a PNG. */
  private static byte[] firstPage(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, PRINT_DPI, ImageType.RGB);
      java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      return png.toByteArray();
    }
  }

  private static void write(Path file, byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    if (image == null) {
      throw new IOException(file + ": not a PNG");
    }
    Files.write(file, png);
    if (png.length >= MAX_BYTES) {
      throw new IOException(file + " is " + png.length + " bytes, over the docs' limit of "
          + MAX_BYTES + ": make the picture smaller");
    }
    System.out.println("Wrote " + file + " (" + image.getWidth() + " x " + image.getHeight() + " px, "
        + png.length / 1024 + " KB)");
  }
}
