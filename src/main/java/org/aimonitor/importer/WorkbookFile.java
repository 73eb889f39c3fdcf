package org.aimonitor.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.aimonitor.download.DatasetWorkbook;
import org.aimonitor.store.Column;
import org.aimonitor.store.CsvTable;
import org.aimonitor.store.DataError;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An {@code .xlsx} workbook given to an import, in the layout of the product's downloads: a sheet
 * per table named like its CSV file ({@code observations} for observations.csv), the "Read me"
 * sheet skipped; or a workbook of one sheet, recognised by its header like a CSV file. Each cell
 * becomes the text the CSV file would have had, so it is validated exactly like CSV through the
 * same column model; what a CSV file cannot hold is refused with its place (formulas, dates typed
 * where text is expected, merged cells). Read with fastexcel-reader, the writer's twin.
 */
final class WorkbookFile {

  /** A sheet holding a table: its header (column name to 0-based position) and data rows. */
  record Part(String sheet, int index, CsvTable table, Map<String, Integer> header, long rows,
      long headerRow) {
  }

  /**
   * Excel's built-in date and time formats (ECMA-376 18.8.30, with the East Asian ones): a
   * number in one of these is a date the user typed or Excel made of what looked like one.
   */
  private static final Set<Integer> DATE_FORMATS = Set.of(14, 15, 16, 17, 18, 19, 20, 21, 22,
      27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58);
  /** What a custom format shows of a date or time, once quoted text and [colours] are taken out. */
  private static final Pattern DATE_PARTS = Pattern.compile("[dmyhse]|aaa|[年月日时分秒]");
  /** Excel keeps 15 significant digits; more are the noise of a binary fraction (1.5000000000000002). */
  private static final MathContext EXCEL_DIGITS = new MathContext(15);
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

  private WorkbookFile() {
  }

  /** Whether a file is an Excel 97–2003 workbook (an OLE2 compound file), which is not read. */
  static boolean isLegacyExcel(byte[] bytes) {
    return startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
  }

  /**
   * Whether {@code bytes} begin with {@code signature} (fastexcel-reader's own checks throw on
   * a file shorter than their buffer, as a small CSV file is).
   */
  private static boolean startsWith(byte[] bytes, int... signature) {
    if (bytes.length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((bytes[i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether a file is a workbook: named {@code .xlsx}, or a zip package as one is. */
  static boolean is(ImportFile file) {
    return file.name().toLowerCase(Locale.ROOT).endsWith(".xlsx")
        || startsWith(file.bytes(), 'P', 'K', 3, 4);
  }

  /**
   * The sheets of a workbook that hold tables, each with its header; every problem with the
   * workbook as a whole, a sheet's name or its header goes to {@code errors}.
   */
  static List<Part> parts(ImportFile file, Consumer<DataError> errors) {
    List<Part> parts = new ArrayList<>();
    Set<String> readMe = DatasetWorkbook.readMeSheetNames();
    Map<String, List<String>> merged;
    try {
      merged = mergedCells(file);
    } catch (IOException | RuntimeException e) {
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
      errors.accept(new DataError(file.name(), 0, 0, "is not a readable .xlsx workbook ("
          + String.valueOf(cause.getMessage()).replaceAll("\\s+", " ") + ")"));
      return parts;
    }
    try (ReadableWorkbook wb = open(file)) {
      List<Sheet> sheets = wb.getSheets().filter(s -> !readMe.contains(s.getName())).toList();
      boolean named = sheets.stream().anyMatch(s -> tableNamed(s.getName()) != null);
      if (sheets.isEmpty()) {
        errors.accept(new DataError(file.name(), 0, 0, "workbook has no sheet besides the read-me sheet"));
        return parts;
      }
      if (!named && sheets.size() > 1) {
        errors.accept(new DataError(file.name(), 0, 0, "workbook has " + sheets.size()
            + " sheets and none is named like a table: name each sheet like its CSV file ("
            + String.join(", ", sheetNames()) + ")"));
        return parts;
      }
      for (Sheet sheet : sheets) {
        CsvTable table = tableNamed(sheet.getName());
        if (named && table == null) {
          errors.accept(new DataError(file.name(), 0, 0, "not named like a table: name it like its"
              + " CSV file (" + String.join(", ", sheetNames()) + ") or take it out of the workbook",
              sheet.getName(), null));
          continue;
        }
        List<String> ranges = merged.getOrDefault(sheet.getName(), List.of());
        if (!ranges.isEmpty()) {
          errors.accept(new DataError(file.name(), 0, 0, "has merged cells (" + String.join(", ", ranges)
              + "): unmerge them, so that every value sits in its own row and column", sheet.getName(), null));
          continue;
        }
        Part part = header(file, sheet, table, errors);
        if (part != null) {
          parts.add(part);
        }
      }
    } catch (IOException | RuntimeException e) {
      errors.accept(new DataError(file.name(), 0, 0, "is not a readable .xlsx workbook ("
          + String.valueOf(e.getMessage()).replaceAll("\\s+", " ") + ")"));
      parts.clear();
    }
    return parts;
  }

  private static ReadableWorkbook open(ImportFile file) throws IOException {
    // Cell formats are read so that a date can be told from a number.
    return new ReadableWorkbook(new ByteArrayInputStream(file.bytes()), new ReadingOptions(true, false));
  }

  private static CsvTable tableNamed(String sheet) {
    for (CsvTable t : CsvTable.values()) {
      if (t.sheetName().equals(sheet)) {
        return t;
      }
    }
    return null;
  }

  private static List<String> sheetNames() {
    return java.util.Arrays.stream(CsvTable.values()).map(CsvTable::sheetName).toList();
  }

  /** Reads a sheet's header row and counts its data rows; null (and errors) when it has none. */
  private static Part header(ImportFile file, Sheet sheet, CsvTable named, Consumer<DataError> errors)
      throws IOException {
    try (Stream<Row> stream = sheet.openStream()) {
      Iterator<Row> rows = stream.filter(r -> !blank(r)).iterator();
      if (!rows.hasNext()) {
        errors.accept(new DataError(file.name(), 0, 0, "sheet is empty", sheet.getName(), null));
        return null;
      }
      Row first = rows.next();
      List<String> names = new ArrayList<>();
      for (int c = 0; c < first.getCellCount(); c++) {
        Cell cell = first.getCell(c);
        names.add(cell == null || cell.getType() == CellType.EMPTY ? "" : cell.getText().strip());
      }
      while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
        names.remove(names.size() - 1);
      }
      long count = 0;
      while (rows.hasNext()) {
        rows.next();
        count++;
      }
      CsvTable table = named != null ? named
          : CsvTable.byHeader(names).orElseGet(() -> CsvTable.closestTo(names));
      Map<String, Integer> index = new LinkedHashMap<>();
      for (int c = 0; c < names.size(); c++) {
        index.putIfAbsent(names.get(c), c);
      }
      List<DataError> headerErrors = table.headerErrors(file.name(), sheet.getName(), index).stream()
          .map(e -> new DataError(e.file(), first.getRowNum(), e.column(), e.message(), e.sheet(),
              e.columnName()))
          .toList();
      if (!headerErrors.isEmpty()) {
        headerErrors.forEach(errors);
        return null;
      }
      if (count > Importer.MAX_ROWS) {
        errors.accept(new DataError(file.name(), 0, 0, "sheet has " + count + " rows, over the limit of "
            + Importer.MAX_ROWS, sheet.getName(), null));
        return null;
      }
      return new Part(sheet.getName(), sheet.getIndex(), table, index, count, first.getRowNum());
    }
  }

  private static boolean blank(Row row) {
    for (Cell cell : row) {
      if (cell != null && cell.getType() != CellType.EMPTY
          && !(cell.getType() == CellType.STRING && cell.asString().isEmpty())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads a sheet's data rows one at a time: each row whose every cell could be read goes to
   * {@code rows} as the CSV cells it stands for, each refused cell to {@code errors}.
   */
  static void stream(ImportFile file, Part part, Consumer<CsvTable.Row> rows, Consumer<DataError> errors) {
    CsvTable table = part.table();
    Map<String, String> defaults = table.optional();
    Map<String, Column> columns = new HashMap<>();
    table.model().forEach(c -> columns.put(c.name(), c));
    try (ReadableWorkbook wb = open(file); Stream<Row> stream = wb.getSheet(part.index()).orElseThrow().openStream()) {
      stream.filter(r -> r.getRowNum() > part.headerRow() && !blank(r)).forEach(row -> {
        List<String> cells = new ArrayList<>(part.header().size());
        boolean ok = true;
        for (Map.Entry<String, Integer> h : part.header().entrySet()) {
          // Only the first of two same-named header cells is read (the header check refuses both).
          while (cells.size() < h.getValue()) {
            cells.add("");
          }
          Cell cell = h.getValue() < row.getCellCount() ? row.getCell(h.getValue()) : null;
          String problem = null;
          String text;
          try {
            text = text(cell, columns.get(h.getKey()));
          } catch (Refused r) {
            problem = r.getMessage();
            text = "";
          }
          if (problem != null) {
            ok = false;
            errors.accept(new DataError(file.name(), row.getRowNum(), h.getValue() + 1, problem,
                part.sheet(), h.getKey()));
          }
          cells.add(text);
        }
        for (int c = part.header().size(); c < row.getCellCount(); c++) {
          Cell cell = row.getCell(c);
          if (cell != null && cell.getType() != CellType.EMPTY && !cell.getText().isEmpty()) {
            ok = false;
            errors.accept(new DataError(file.name(), row.getRowNum(), c + 1, "a value in a column"
                + " with no header (\"" + cell.getText() + "\"): take it out, or name its column",
                part.sheet(), null));
            break;
          }
        }
        if (ok) {
          rows.accept(new CsvTable.Row(file.name(), part.sheet(), row.getRowNum(), part.header(), cells,
              defaults));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.name(), e);
    }
  }

  /** A cell the importer cannot take as it is, and why. */
  private static final class Refused extends Exception {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** The text a CSV file would have in this cell of {@code column} (null: a column not modelled). */
  private static String text(Cell cell, Column column) throws Refused {
    if (cell == null) {
      return "";
    }
    Column.Type type = column == null ? Column.Type.TEXT : column.type();
    return switch (cell.getType()) {
      case EMPTY -> "";
      case STRING -> cell.asString();
      case FORMULA -> throw new Refused("a formula (=" + cell.getFormula() + "): type the value"
          + " itself; text that begins with \"=\" is fine when typed as text");
      case BOOLEAN -> throw new Refused("a TRUE/FALSE cell: type " + (type == Column.Type.TEXT
          ? "the text" : "the number") + " instead");
      case ERROR -> throw new Refused("an error cell (" + cell.getRawValue() + "): type the value");
      case NUMBER -> {
        if (isDate(cell)) {
          String date = cell.asDate().toLocalDate().toString();
          throw new Refused("a date (" + date + ") where " + (type == Column.Type.TEXT
              ? "text is expected: format the cell as text and type the date as the file writes it"
                + " (such as " + date + " or " + date.substring(0, 7) + ")"
              : "a number is expected: format the cell as a number"));
        }
        yield number(cell.getRawValue(), type);
      }
    };
  }

  /**
   * A number cell as the CSV writes it: a decimal as given when it is a plain one of at most 15
   * digits ("508.0" stays "508.0"); otherwise as Excel shows it, at most 15 significant digits
   * and no exponent ("1.5E3" is "1500", "1.5000000000000002" is "1.5"). Whole numbers lose a
   * trailing ".0" in every column but a decimal one.
   */
  static String number(String raw, Column.Type type) {
    BigDecimal d = new BigDecimal(raw.strip());
    if (type == Column.Type.DECIMAL && PLAIN_DECIMAL.matcher(raw.strip()).matches() && d.precision() <= 15) {
      return raw.strip();
    }
    BigDecimal shown = d.round(EXCEL_DIGITS);
    return shown.signum() == 0 ? "0" : shown.stripTrailingZeros().toPlainString();
  }

  private static boolean isDate(Cell cell) {
    Integer id = cell.getDataFormatId();
    if (id != null && DATE_FORMATS.contains(id)) {
      return true;
    }
    String format = cell.getDataFormatString();
    if (format == null || format.isEmpty() || format.equalsIgnoreCase("General")) {
      return false;
    }
    String shown = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "")
        .replaceAll("\\[[^\\]]*\\]", "").toLowerCase(Locale.ROOT);
    return DATE_PARTS.matcher(shown.replaceAll("e[+-]", "")).find();
  }

  /**
   * Most bytes a workbook may unpack to, all its parts together: a 5 MB upload of repetitive XML
   * could otherwise unpack to gigabytes (a zip bomb). The seed's whole workbook unpacks to about
   * 2 MB; 50,000 rows of observations to about 30 MB.
   */
  static final long MAX_UNPACKED_BYTES = 128L * 1024 * 1024;

  /** A workbook that unpacks to more than {@link #MAX_UNPACKED_BYTES}. */
  private static final class TooLarge extends IOException {
    TooLarge() {
      super("unpacks to more than " + MAX_UNPACKED_BYTES / (1024 * 1024) + " MB", null);
    }
  }

  /**
   * Unpacks every part once, counting, before the workbook is read, and returns the merged
   * ranges of each sheet by sheet name: fastexcel-reader does not report them, so the parts are
   * read with commons-compress (its own zip reader) and the JDK's StAX reader (the workbook, its
   * relationships, and each sheet's {@code mergeCell} elements, streamed).
   */
  private static Map<String, List<String>> mergedCells(ImportFile file) throws IOException {
    Map<String, byte[]> small = new HashMap<>();
    Map<String, List<String>> rangesByPart = new HashMap<>();
    long[] unpacked = {0};
    // The central directory is read: the JDK's ZipInputStream refuses entries whose sizes follow
    // their data, as streaming writers (fastexcel's among them) write them.
    try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(file.bytes())).get()) {
      for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntries())) {
        String name = e.getName();
        try (InputStream in = counted(zip.getInputStream(e), unpacked)) {
          if (name.equals("xl/workbook.xml") || name.equals("xl/_rels/workbook.xml.rels")) {
            small.put(name, in.readAllBytes());
          } else if (name.startsWith("xl/worksheets/") && name.endsWith(".xml")) {
            List<String> ranges = new ArrayList<>();
            elements(in, "mergeCell", m -> ranges.add(m.getAttributeValue(null, "ref")));
            rangesByPart.put(name, ranges);
          } else {
            in.transferTo(java.io.OutputStream.nullOutputStream());
          }
        }
      }
    }
    Map<String, String> targets = new HashMap<>();
    elements(bytes(small.get("xl/_rels/workbook.xml.rels")), "Relationship", r -> {
      String target = r.getAttributeValue(null, "Target");
      targets.put(r.getAttributeValue(null, "Id"),
          target.startsWith("/") ? target.substring(1) : "xl/" + target);
    });
    Map<String, List<String>> merged = new HashMap<>();
    elements(bytes(small.get("xl/workbook.xml")), "sheet", s -> {
      String id = null;
      for (int i = 0; i < s.getAttributeCount(); i++) {
        if (s.getAttributeLocalName(i).equals("id")) {
          id = s.getAttributeValue(i);
        }
      }
      merged.put(s.getAttributeValue(null, "name"), rangesByPart.getOrDefault(targets.get(id), List.of()));
    });
    return merged;
  }

  private static InputStream bytes(byte[] b) {
    return b == null ? null : new ByteArrayInputStream(b);
  }

  /** {@code in}, adding what it reads to {@code total}; beyond the limit, reading throws. */
  private static InputStream counted(InputStream in, long[] total) {
    return new java.io.FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          count(n);
        }
        return n;
      }

      private void count(int n) throws TooLarge {
        total[0] += n;
        if (total[0] > MAX_UNPACKED_BYTES) {
          throw new TooLarge();
        }
      }
    };
  }

  /** Calls {@code each} at every start of element {@code local} in {@code xml} (none if null). */
  private static void elements(InputStream xml, String local, Consumer<XMLStreamReader> each) {
    if (xml == null) {
      return;
    }
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try {
      XMLStreamReader r = factory.createXMLStreamReader(xml);
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(local)) {
          each.accept(r);
        }
      }
      r.close();
    } catch (XMLStreamException e) {
      for (Throwable c = e; c != null; c = c.getCause() != null ? c.getCause()
          : c instanceof XMLStreamException x ? x.getNestedException() : null) {
        if (c instanceof TooLarge t) {
          throw new UncheckedIOException(t);
        }
      }
      throw new IllegalArgumentException("unreadable part: " + e.getMessage(), e);
    }
  }

}
