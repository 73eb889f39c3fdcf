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
 * shows it ({@code overview.png}), and page 1 of the summary as Chromium prints it to A4
 * ({@code summary-print.png}). Not a test: run it after changing the pages, with
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
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The top {@code width} x {@code height} CSS pixels of the page, at one device pixel each. */
  private static byte[] capture(Browser browser, int width, int height) {
    Map<String, Object> result = browser.driver().executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png",
        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    return Base64.getDecoder().decode((String) result.get("data"));
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
