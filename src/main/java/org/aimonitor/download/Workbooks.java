package org.aimonitor.download;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Qualifier;
import org.dhatim.fastexcel.HyperLink;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Excel workbooks (.xlsx), written row by row with fastexcel: each sheet's rows go to the
 * response as they are produced (a few hundred at a time), text as inline strings (never kept),
 * so memory does not grow with the rows. Text cells are always text and never formulas: a cell
 * reading {@code =HYPERLINK(…)} is a string in the file and stays one in Excel; numbers are
 * always numbers, with a display format. Every workbook opens on a "Read me" sheet.
 */
public final class Workbooks {

  /** The media type of every workbook download. */
  public static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  /**
   * Excel keeps at most 65,530 hyperlinks on a sheet, and fastexcel holds each one until its
   * sheet is finished: past this many, links are written as their text only.
   */
  public static final int MAX_LINKS_PER_SHEET = 65_530;
  /** Rows held before they are written out. */
  private static final int FLUSH_EVERY = 256;
  private static final String HEADER_FILL = "DDEBF7";
  /** The width of the Read me sheet's text column, in characters. */
  private static final double READ_ME_WIDTH = 110;

  private Workbooks() {
  }

  /**
   * Streams a workbook download: {@code body} adds its sheets, which are written to the response
   * (compressed when the client accepts it; the file is a zip already) as they are produced.
   */
  public static void stream(Context ctx, String fileName, Consumer<Workbook> body) {
    ctx.contentType(CONTENT_TYPE)
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .header("Cache-Control", "no-store");
    write(ctx.outputStream(), body);
  }

  /** Writes a workbook to {@code out}; {@code body} adds its sheets. Leaves {@code out} open. */
  public static void write(OutputStream out, Consumer<Workbook> body) {
    OutputStream shield = new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
    try {
      Workbook wb = new Workbook(shield, "AI Industry Monitor", "1.0");
      wb.setCompressionLevel(6);
      body.accept(wb);
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A column of a sheet: its header and its width in characters. */
  public record Column(String header, double width) {

    /** A column as wide as its header, within sensible bounds. */
    public static Column of(String header) {
      return new Column(header, Math.max(10, Math.min(40, header.length() + 4)));
    }
  }

  /**
   * What the "Read me" sheet says. {@code address} is the page the figures are from (a link);
   * {@code notes} are extra lines (the view's filter, what the sheets hold).
   */
  public record ReadMe(String title, String about, String dataAsOf, String retrievedOn,
      String address, String citation, List<String> notes) {
  }

  /**
   * "Data version 12, last imported 7 Dec 2026" in {@code t}'s language: what the figures of a
   * workbook written in this transaction are as of.
   */
  public static String asOf(org.jdbi.v3.core.Handle h, Text t) {
    org.aimonitor.store.Database.Version v = h.attach(org.aimonitor.store.DataStore.class).version();
    if (v.lastImportAt() == null) {
      return t.t("data.version", v.number());
    }
    java.time.LocalDate day = java.time.Instant.parse(v.lastImportAt()).atZone(java.time.ZoneOffset.UTC)
        .toLocalDate();
    return t.t("workbook.readme.as-of-text", v.number(), t.date(day));
  }

  /** Adds the "Read me" sheet (the first sheet, so the one a workbook opens on). */
  public static void readMe(Workbook wb, ReadMe m, Text t) {
    Worksheet ws = wb.newWorksheet(t.t("workbook.readme.sheet"));
    ws.width(0, 24);
    ws.width(1, READ_ME_WIDTH);
    int r = 0;
    ws.inlineString(r, 0, m.title());
    ws.style(r, 0).bold().fontSize(14).set();
    r += 2;
    r = line(ws, r, t.t("workbook.readme.about"), m.about());
    r = line(ws, r, t.t("workbook.readme.as-of"), m.dataAsOf());
    r = line(ws, r, t.t("workbook.readme.retrieved"), m.retrievedOn());
    if (m.address() != null) {
      ws.inlineString(r, 0, t.t("workbook.readme.address"));
      ws.style(r, 0).bold().verticalAlignment("top").set();
      link(ws, r, 1, m.address(), m.address());
      r++;
    }
    r = line(ws, r, t.t("workbook.readme.cite"), m.citation());
    for (String note : m.notes()) {
      r = line(ws, r, "", note);
    }
    r++;
    ws.inlineString(r, 0, t.t("workbook.readme.qualifiers"));
    ws.style(r, 0).bold().set();
    r++;
    for (Qualifier q : Qualifier.values()) {
      r = line(ws, r, t.qualifier(q), t.t("workbook.qualifier." + q.code()), false);
    }
    r++;
    r = line(ws, r, t.t("workbook.readme.cells"), t.t("workbook.readme.cells-text"));
    r = line(ws, r, t.t("workbook.readme.licence"), t.t("data.licence"));
    ws.setFitToPage(true);
    ws.fitToWidth((short) 1);
    ws.fitToHeight((short) 0);
    try {
      ws.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Characters of width, a Chinese (wide) character counting two. */
  private static double displayWidth(String text) {
    return text.codePoints().mapToDouble(c -> c >= 0x2E80 ? 2 : 1).sum();
  }

  private static int line(Worksheet ws, int r, String label, String text) {
    return line(ws, r, label, text, true);
  }

  private static int line(Worksheet ws, int r, String label, String text, boolean bold) {
    if (!label.isEmpty()) {
      ws.inlineString(r, 0, label);
      if (bold) {
        ws.style(r, 0).bold().verticalAlignment("top").set();
      } else {
        ws.style(r, 0).verticalAlignment("top").set();
      }
    }
    if (text != null && !text.isEmpty()) {
      ws.inlineString(r, 1, text);
      ws.style(r, 1).wrapText(true).verticalAlignment("top").set();
      // Tall enough for the wrapped lines: LibreOffice keeps the default height of a row the
      // file gives no height (Excel fits it), which would cut long text off.
      int lines = (int) Math.ceil(displayWidth(text) / (READ_ME_WIDTH - 4));
      if (lines > 1) {
        ws.rowHeight(r, 15.0 * lines);
      }
    }
    return r + 1;
  }

  /** A real hyperlink to an http(s) address; anything else is written as plain text. */
  private static boolean link(Worksheet ws, int r, int c, String display, String url) {
    if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
      if (display != null && !display.isEmpty()) {
        ws.inlineString(r, c, display);
      }
      return false;
    }
    ws.hyperlink(r, c, HyperLink.external(attribute(url), display));
    ws.style(r, c).fontColor("0563C1").underlined().set();
    return true;
  }

  /**
   * A link as an XML attribute value: fastexcel 0.19.0 writes an external link's address into
   * the sheet's relationships unescaped, so an address with "&" in its query would make the
   * file unreadable (Excel repairs it, openpyxl refuses it).
   */
  static String attribute(String url) {
    return url.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
        .replace(">", "&gt;");
  }

  /** The number format that shows {@code decimals} places, with thousands separators. */
  public static String numberFormat(int decimals) {
    return decimals <= 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
  }

  /**
   * A sheet of a table, filled a row at a time: the header row is bold, frozen and filtered,
   * columns have widths; each cell is written with its type, left to right.
   */
  public static final class Sheet {

    private final Worksheet ws;
    private final int columns;
    private int row = 1;
    private int col;
    private int links;

    private Sheet(Worksheet ws, int columns) {
      this.ws = ws;
      this.columns = columns;
    }

    /** Starts sheet {@code name} with its header row. */
    public static Sheet start(Workbook wb, String name, List<Column> header) {
      Worksheet ws = wb.newWorksheet(name);
      for (int c = 0; c < header.size(); c++) {
        ws.inlineString(0, c, header.get(c).header());
        ws.style(0, c).bold().fillColor(HEADER_FILL).set();
        ws.width(c, header.get(c).width());
      }
      ws.freezePane(0, 1);
      return new Sheet(ws, header.size());
    }

    /** A text cell; an empty one is left blank. */
    public Sheet text(String value) {
      if (value != null && !value.isEmpty()) {
        ws.inlineString(row, col, value);
      }
      col++;
      return this;
    }

    /** A number shown with {@code decimals} places (the value itself is kept exactly). */
    public Sheet number(BigDecimal value, int decimals) {
      if (value != null) {
        ws.value(row, col, value);
        ws.style(row, col).format(numberFormat(decimals)).set();
      }
      col++;
      return this;
    }

    /** A number in the General format: shown as it is. */
    public Sheet number(Number value) {
      if (value != null) {
        ws.value(row, col, value);
      }
      col++;
      return this;
    }

    /** A hyperlink showing {@code display}; as text beyond {@link #MAX_LINKS_PER_SHEET}. */
    public Sheet link(String display, String url) {
      if (url == null || url.isEmpty()) {
        return text(display);
      }
      if (links < MAX_LINKS_PER_SHEET) {
        if (Workbooks.link(ws, row, col, display, url)) {
          links++;
        }
      } else {
        ws.inlineString(row, col, display);
      }
      col++;
      return this;
    }

    /** Ends the row; every few hundred rows, the rows so far are written out. */
    public void endRow() {
      row++;
      col = 0;
      if (row % FLUSH_EVERY == 0) {
        try {
          ws.flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    /** Rows written so far, without the header. */
    public int rows() {
      return row - 1;
    }

    /** Puts the filter on the header over every row, and writes the rest of the sheet. */
    public void finish() {
      ws.setAutoFilter(0, 0, Math.max(1, row - 1), columns - 1);
      try {
        ws.finish();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
