package org.aimonitor.download;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.CsvTable;
import org.dhatim.fastexcel.Workbook;
import org.jdbi.v3.core.Handle;

/**
 * The whole dataset as one workbook: the "Read me" sheet, then one sheet per table in import
 * order, named like its CSV file without ".csv", with exactly the CSV's columns as its header (in
 * every language, so an edited workbook imports again). Cells keep their stored type: INTEGER
 * columns and decimal columns are numbers, everything else text; links are hyperlinks. Rows are
 * read and written one at a time in the caller's transaction.
 */
public final class DatasetWorkbook {

  private DatasetWorkbook() {
  }

  /** The sheet a table is written to, and read back from: "observations" for observations.csv. */
  public static String sheetName(CsvTable table) {
    return table.sheetName();
  }

  /** The names the "Read me" sheet has, in every language: an import skips it. */
  public static java.util.Set<String> readMeSheetNames() {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (org.aimonitor.i18n.Lang lang : org.aimonitor.i18n.Lang.values()) {
      names.add(org.aimonitor.i18n.Messages.get(lang, "workbook.readme.sheet"));
    }
    return names;
  }

  /** Writes every table into {@code wb}, after the read-me sheet {@code readMe}. */
  public static void write(Workbook wb, Handle h, Workbooks.ReadMe readMe, Text t) {
    Workbooks.readMe(wb, readMe, t);
    for (CsvTable table : CsvTable.values()) {
      List<Workbooks.Column> header = new ArrayList<>();
      for (String column : table.columns()) {
        header.add(new Workbooks.Column(column, width(column)));
      }
      Workbooks.Sheet sheet = Workbooks.Sheet.start(wb, sheetName(table), header);
      ExportStore.forEachCell(h, table, row -> {
        for (Object cell : row) {
          if (cell instanceof BigDecimal d) {
            sheet.number(d);
          } else if (cell instanceof Long n) {
            sheet.number(n);
          } else {
            String text = (String) cell;
            if (isLink(text)) {
              sheet.link(text, text);
            } else {
              sheet.text(text);
            }
          }
        }
        sheet.endRow();
      });
      sheet.finish();
    }
  }

  /** A cell that is one web address and nothing else (a source's or a schedule's link). */
  private static boolean isLink(String text) {
    return (text.startsWith("https://") || text.startsWith("http://")) && text.indexOf(' ') < 0
        && text.indexOf('\n') < 0;
  }

  /** Sensible widths: long text wide, codes and numbers narrow. */
  private static double width(String column) {
    if (column.contains("title") || column.contains("note") || column.contains("definition")
        || column.contains("description")) {
      return 50;
    }
    if (column.contains("name") || column.contains("url") || column.equals("publisher")
        || column.equals("indicators") || column.equals("evidence")) {
      return 30;
    }
    return Math.max(10, Math.min(24, column.length() + 4));
  }
}
