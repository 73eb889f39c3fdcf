package org.aimonitor.watch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aimonitor.json.Json;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.Value;

/**
 * The figures a citation file this monitor wrote names, and the day they were cited: BibTeX
 * (read by jbibtex), RIS (its tag lines), CSL-JSON (read by Jackson), or any text with figure
 * addresses in it (the plain-text citations, a list of links). A figure is recognised by its
 * address ({@code …/figures/14}) or its key ({@code aim-figure-14}); the cited day is an
 * address's {@code as_of} when it has one, else the retrieval date the file gives
 * ({@code urldate}, {@code Y2}, {@code accessed}). Of several cited days the earliest counts:
 * what was revised after any of them is shown. Nothing is kept: the result becomes an address.
 *
 * @param ids   the figure ids found, ascending, each once
 * @param since the earliest cited day found, or null when the file gives none
 */
public record CitationUpload(List<Long> ids, LocalDate since) {

  private static final Pattern FIGURE_URL = Pattern.compile("/figures/([1-9][0-9]{0,17})(?![0-9])([^\\s\"'<>}]*)");
  private static final Pattern FIGURE_KEY = Pattern.compile("aim-figure-([1-9][0-9]{0,17})(?![0-9])");
  private static final Pattern AS_OF = Pattern.compile("[?&]as_of=(\\d{4}-\\d{2}-\\d{2})");
  /** GB/T 7714's 引用日期, "[2026-12-07]". */
  private static final Pattern CITED_DAY = Pattern.compile("\\[(\\d{4}-\\d{2}-\\d{2})\\]");

  public CitationUpload {
    ids = List.copyOf(ids);
  }

  /**
   * Reads {@code text}.
   *
   * @throws IllegalArgumentException with a sentence for the reader when the file cannot be read
   *                                  as the format it starts as
   */
  public static CitationUpload read(String text) {
    String s = text.strip();
    if (s.startsWith("\uFEFF")) {
      s = s.substring(1).strip();
    }
    Found found = new Found();
    if (s.startsWith("[") || s.startsWith("{")) {
      cslJson(s, found);
    } else if (s.startsWith("@")) {
      bibtex(s, found);
    } else if (s.startsWith("TY  -")) {
      ris(s, found);
    } else {
      plain(s, found);
    }
    return new CitationUpload(new ArrayList<>(found.ids), found.since);
  }

  private static final class Found {
    final TreeSet<Long> ids = new TreeSet<>();
    LocalDate since;

    /** One cited item: its address, key and retrieval date (each may be null). */
    void item(String url, String key, LocalDate accessed) {
      Long id = null;
      LocalDate day = accessed;
      if (url != null) {
        Matcher m = FIGURE_URL.matcher(url);
        if (m.find()) {
          id = Long.valueOf(m.group(1));
          Matcher asOf = AS_OF.matcher(m.group(2));
          if (asOf.find()) {
            day = date(asOf.group(1));
          }
        }
      }
      if (id == null && key != null) {
        Matcher m = FIGURE_KEY.matcher(key);
        if (m.matches()) {
          id = Long.valueOf(m.group(1));
        }
      }
      if (id == null) {
        return; // an indicator view's citation, or another work's: not a figure
      }
      ids.add(id);
      if (day != null && (since == null || day.isBefore(since))) {
        since = day;
      }
    }
  }

  private static void cslJson(String s, Found found) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException("not CSL-JSON: " + firstLine(e.getMessage()));
    }
    List<JsonNode> items = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(items::add);
    } else {
      items.add(root);
    }
    for (JsonNode item : items) {
      JsonNode parts = item.path("accessed").path("date-parts").path(0);
      LocalDate accessed = null;
      if (parts.size() == 3) {
        try {
          accessed = LocalDate.of(parts.get(0).asInt(), parts.get(1).asInt(), parts.get(2).asInt());
        } catch (java.time.DateTimeException e) {
          accessed = null;
        }
      }
      found.item(text(item.get("URL")), text(item.get("id")), accessed);
    }
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static void bibtex(String s, Found found) {
    BibTeXDatabase db;
    try {
      db = new BibTeXParser().parseFully(new StringReader(s));
    } catch (Exception e) {
      throw new IllegalArgumentException("not BibTeX: " + firstLine(e.getMessage()));
    }
    for (Map.Entry<Key, BibTeXEntry> e : db.getEntries().entrySet()) {
      BibTeXEntry entry = e.getValue();
      found.item(field(entry, BibTeXEntry.KEY_URL), e.getKey().getValue(),
          date(field(entry, new Key("urldate"))));
    }
  }

  private static String field(BibTeXEntry e, Key key) {
    Value v = e.getField(key);
    return v == null ? null : v.toUserString();
  }

  private static void ris(String s, Found found) {
    String url = null;
    String key = null;
    LocalDate accessed = null;
    for (String line : s.split("\\r?\\n")) {
      if (line.length() < 5 || !line.substring(2, 5).equals("  -")) {
        continue;
      }
      String tag = line.substring(0, 2);
      String value = line.length() > 6 ? line.substring(6).strip() : "";
      switch (tag) {
        case "UR" -> url = value;
        case "ID" -> key = value;
        case "Y2" -> accessed = date(value.replace('/', '-'));
        case "ER" -> {
          found.item(url, key, accessed);
          url = null;
          key = null;
          accessed = null;
        }
        default -> { }
      }
    }
    if (url != null || key != null) {
      found.item(url, key, accessed);
    }
  }

  /** Text with figure addresses: each line's addresses, with a GB/T 7714 引用日期 on its line. */
  private static void plain(String s, Found found) {
    for (String line : s.split("\\r?\\n")) {
      Matcher day = CITED_DAY.matcher(line);
      LocalDate cited = day.find() ? date(day.group(1)) : null;
      Matcher m = FIGURE_URL.matcher(line);
      while (m.find()) {
        found.item(m.group(), null, cited);
      }
      Matcher k = FIGURE_KEY.matcher(line);
      while (k.find()) {
        found.item(null, k.group(), cited);
      }
    }
  }

  private static LocalDate date(String s) {
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.lines().findFirst().orElse("unreadable");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
