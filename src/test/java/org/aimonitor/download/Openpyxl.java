package org.aimonitor.download;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A workbook as openpyxl reads it (Debian's {@code /usr/bin/python3}): a second, independent
 * reader, and the one that shows hyperlinks, frozen panes, filters and merged cells.
 */
public final class Openpyxl {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Openpyxl() {
  }

  /** The JSON of dump_xlsx.py for {@code xlsx}: {@code {"sheets": [{name, freeze, rows…}]}}. */
  public static JsonNode read(Path xlsx) throws IOException, InterruptedException {
    Path script = Files.createTempFile("dump_xlsx", ".py");
    try (InputStream in = Openpyxl.class.getResourceAsStream("dump_xlsx.py")) {
      Files.write(script, in.readAllBytes());
    }
    try {
      Path err = Files.createTempFile("dump_xlsx", ".err");
      Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), xlsx.toString())
          .redirectError(err.toFile()).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new AssertionError("openpyxl could not read " + xlsx + ":\n" + Files.readString(err));
      }
      Files.deleteIfExists(err);
      return JSON.readTree(new String(out, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /** The sheet named {@code name}. */
  public static JsonNode sheet(JsonNode workbook, String name) {
    for (JsonNode s : workbook.get("sheets")) {
      if (s.get("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no sheet " + name);
  }

  /** The 0-based column of header {@code header} in a sheet's first row. */
  public static int column(JsonNode sheet, String header) {
    JsonNode first = sheet.get("rows").get(0);
    for (int c = 0; c < first.size(); c++) {
      if (header.equals(first.get(c).get("v").asText())) {
        return c;
      }
    }
    throw new AssertionError("no column " + header + " in " + first);
  }
}
