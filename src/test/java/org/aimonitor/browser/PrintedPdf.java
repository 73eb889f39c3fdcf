package org.aimonitor.browser;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF the browser printed, read back with PDFBox: its pages' text, where each line of text
 * sits, and the pages rendered to images. Saved under {@code target/print/} with PNGs of its
 * pages, for people to look at.
 */
final class PrintedPdf {

  /** Rendering resolution of the page images. */
  static final float DPI = 100;
  static final float MM = 72f / 25.4f;

  /**
   * A run of text on a page, positioned in points from the page's top left; {@code size} is its
   * font size as printed, in points (after every scaling of the drawing it belongs to).
   */
  record Line(int page, String text, float x, float y, float size) {
  }

  /** A rectangle on a page, in points from the top left. */
  record Box(int page, float left, float top, float right, float bottom) {
  }

  final List<String> pageTexts;
  final List<Line> lines;
  final List<BufferedImage> images;
  final List<PDRectangle> sizes;

  private PrintedPdf(List<String> pageTexts, List<Line> lines, List<BufferedImage> images,
      List<PDRectangle> sizes) {
    this.pageTexts = pageTexts;
    this.lines = lines;
    this.images = images;
    this.sizes = sizes;
  }

  static PrintedPdf read(byte[] pdf, Path saveAs) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      Files.createDirectories(saveAs.getParent());
      Files.write(saveAs, pdf);
      List<String> texts = new ArrayList<>();
      List<Line> lines = new ArrayList<>();
      List<BufferedImage> images = new ArrayList<>();
      List<PDRectangle> sizes = new ArrayList<>();
      PDFRenderer renderer = new PDFRenderer(doc);
      String stem = saveAs.getFileName().toString().replaceFirst("\\.pdf$", "");
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        int page = i;
        PDFTextStripper stripper = new PDFTextStripper() {
          @Override
          protected void writeString(String text, List<TextPosition> positions) throws IOException {
            // Rotated runs (the y-axis titles) are left out: PDFBox reports their position in
            // their own direction, which put a chart's y-axis title beside its card's title and
            // cut the card's box at it.
            if (!positions.isEmpty() && positions.get(0).getDir() == 0) {
              TextPosition first = positions.get(0);
              lines.add(new Line(page, text.strip(), first.getXDirAdj(),
                  first.getYDirAdj() - first.getHeightDir(), first.getXScale()));
            }
            super.writeString(text, positions);
          }
        };
        stripper.setStartPage(i + 1);
        stripper.setEndPage(i + 1);
        texts.add(stripper.getText(doc));
        BufferedImage image = renderer.renderImageWithDPI(i, DPI);
        ImageIO.write(image, "png", saveAs.resolveSibling(stem + "-page-" + (i + 1) + ".png").toFile());
        images.add(image);
        sizes.add(doc.getPage(i).getMediaBox());
      }
      return new PrintedPdf(texts, lines, images, sizes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int pages() {
    return pageTexts.size();
  }

  String text() {
    return String.join("\n", pageTexts);
  }

  /** The text with runs of white space as one space, so wrapped phrases still match. */
  String flatText() {
    return text().replaceAll("\\s+", " ");
  }

  /** The text with no white space at all, so URLs broken across lines still match. */
  String joinedText() {
    return text().replaceAll("\\s+", "");
  }

  /** The first line that reads exactly {@code text}. */
  Optional<Line> line(String text) {
    return lines.stream().filter(l -> l.text().equals(text)).findFirst();
  }

  /**
   * Where a printed chart is drawn: below its title (and the unit line under it), above the
   * "Sources:" ({@code sourcesLabel}, in the page's language) line of the same card, and across
   * to the next card on the same row or to the page's right margin.
   */
  Optional<Box> chartArea(String title, String sourcesLabel) {
    // The first line reading the title that has a sources line below it: a card elsewhere on
    // the page (a KPI card) may carry the same words.
    return lines.stream().filter(l -> l.text().equals(title))
        .map(t -> chartArea(t, sourcesLabel)).flatMap(Optional::stream).findFirst();
  }

  private Optional<Box> chartArea(Line title, String sourcesLabel) {
    return Optional.of(title).flatMap(t -> lines.stream()
        .filter(l -> l.page() == t.page() && l.text().startsWith(sourcesLabel)
            && Math.abs(l.x() - t.x()) < 3 * MM && l.y() > t.y())
        .min((a, b) -> Float.compare(a.y(), b.y()))
        .map(sources -> {
          float right = lines.stream()
              .filter(l -> l.page() == t.page() && l.x() > t.x() + 10 * MM
                  && Math.abs(l.y() - t.y()) < 2 * MM && !l.text().isEmpty())
              .map(Line::x).min(Float::compare)
              .orElse(sizes.get(t.page()).getWidth() - 10 * MM);
          return new Box(t.page(), t.x(), t.y() + 8 * MM, right - 2 * MM, sources.y() - MM);
        }));
  }

  /** The runs of text that start inside {@code box}. */
  List<Line> linesIn(Box box) {
    return lines.stream()
        .filter(l -> l.page() == box.page() && l.x() >= box.left() && l.x() <= box.right()
            && l.y() >= box.top() && l.y() <= box.bottom())
        .toList();
  }

  /** Pixels within {@code box} whose colour is close to {@code hex} ("#0072B2"). */
  int pixelsOfColour(Box box, String hex) {
    int want = Integer.parseInt(hex.substring(1), 16);
    int wr = want >> 16 & 255;
    int wg = want >> 8 & 255;
    int wb = want & 255;
    BufferedImage image = images.get(box.page());
    float scale = DPI / 72f;
    int count = 0;
    for (int y = Math.max(0, (int) (box.top() * scale)); y < Math.min(image.getHeight(), box.bottom() * scale); y++) {
      for (int x = Math.max(0, (int) (box.left() * scale)); x < Math.min(image.getWidth(), box.right() * scale); x++) {
        int rgb = image.getRGB(x, y);
        int d = Math.abs((rgb >> 16 & 255) - wr) + Math.abs((rgb >> 8 & 255) - wg) + Math.abs((rgb & 255) - wb);
        if (d < 60) {
          count++;
        }
      }
    }
    return count;
  }

  /** Pixels on a page that are neither white nor grey: colour anywhere on it. */
  int colouredPixels(int page) {
    BufferedImage image = images.get(page);
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = rgb >> 16 & 255;
        int g = rgb >> 8 & 255;
        int b = rgb & 255;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
          count++;
        }
      }
    }
    return count;
  }
}
