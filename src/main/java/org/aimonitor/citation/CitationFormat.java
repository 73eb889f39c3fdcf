package org.aimonitor.citation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aimonitor.i18n.Lang;
import org.aimonitor.i18n.Text;
import org.aimonitor.json.Json;
import org.aimonitor.store.PartialDate;

/**
 * The files a reader downloads to cite a figure or an indicator view: BibTeX, RIS and CSL-JSON
 * for citation managers (Zotero, EndNote, Mendeley, Pandoc), and plain text in an English
 * author–date style and in GB/T 7714-2015 (网络文献 [EB/OL] with 引用日期). Each names this
 * dataset as the place the figures were retrieved from and the original sources they come from,
 * and keeps a figure's qualifier in its words.
 */
public enum CitationFormat {
  BIBTEX("bib", "application/x-bibtex; charset=utf-8") {
    @Override
    public String write(Citation c) {
      StringBuilder b = new StringBuilder("@misc{").append(c.key()).append(",\n");
      field(b, "author", "{" + bibtex(c.dataset()) + "}");
      field(b, "title", "{" + bibtex(title(c)) + "}");
      field(b, "year", String.valueOf(c.year()));
      field(b, "version", String.valueOf(c.version()));
      field(b, "url", c.url());
      field(b, "urldate", c.accessed().toString());
      field(b, "note", bibtex(originalsNote(c)));
      if (c.lang() == Lang.ZH) {
        field(b, "language", "chinese");
      }
      return b.append("}\n").toString();
    }

    private void field(StringBuilder b, String name, String value) {
      b.append("  ").append(name).append(" = {").append(value).append("},\n");
    }
  },
  RIS("ris", "application/x-research-info-systems; charset=utf-8") {
    @Override
    public String write(Citation c) {
      List<String> lines = new ArrayList<>();
      lines.add(tag("TY", "DATA"));
      lines.add(tag("ID", c.key()));
      lines.add(tag("AU", c.dataset()));
      lines.add(tag("TI", title(c)));
      lines.add(tag("PY", String.valueOf(c.year())));
      lines.add(tag("ET", String.valueOf(c.version())));
      lines.add(tag("UR", c.url()));
      lines.add(tag("Y2", c.accessed().toString().replace('-', '/')));
      lines.add(tag("LA", c.lang() == Lang.ZH ? "zh" : "en"));
      lines.add(tag("N1", originalsNote(c)));
      lines.add("ER  - ");
      return String.join("\r\n", lines) + "\r\n";
    }

    private String tag(String tag, String value) {
      // A value is one line: RIS has no escape for a line break.
      return tag + "  - " + value.replaceAll("[\\r\\n]+", " ");
    }
  },
  CSL_JSON("csl.json", "application/vnd.citationstyles.csl+json; charset=utf-8") {
    @Override
    public String write(Citation c) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", c.key());
      item.put("type", "dataset");
      item.put("title", title(c));
      item.put("author", List.of(Map.of("literal", c.dataset())));
      item.put("publisher", c.dataset());
      item.put("version", String.valueOf(c.version()));
      item.put("issued", dateParts(c.updated() == null ? c.accessed() : c.updated()));
      item.put("accessed", dateParts(c.accessed()));
      item.put("URL", c.url());
      item.put("language", c.lang() == Lang.ZH ? "zh-CN" : "en");
      item.put("note", originalsNote(c));
      return Json.write(List.of(item)) + "\n";
    }

    private Map<String, Object> dateParts(LocalDate d) {
      return Map.of("date-parts", List.of(List.of(d.getYear(), d.getMonthValue(), d.getDayOfMonth())));
    }
  },
  /** Author–date, English: "AI Industry Monitor (2026) <i>Title</i> …. Available at: … (Accessed: …)." */
  AUTHOR_DATE("txt", "text/plain; charset=utf-8") {
    @Override
    public String write(Citation c) {
      Text t = Text.of(c.lang());
      StringBuilder b = new StringBuilder()
          .append(t.t("cite.text.start", c.dataset(), c.year(), title(c), version(c), c.url(),
              t.date(c.accessed())));
      List<Citation.Original> originals = c.originals();
      for (int i = 0; i < originals.size(); i++) {
        Citation.Original o = originals.get(i);
        b.append(' ').append(t.t(i == 0 ? "cite.text.original" : "cite.text.original-more",
            o.publisher(), o.published() == null ? t.t("cite.text.no-date") : String.valueOf(o.published().year()),
            o.title(), o.url()));
      }
      return b.append('\n').toString();
    }
  },
  /**
   * GB/T 7714-2015 网络文献: 主要责任者. 题名[EB/OL]. (更新日期)[引用日期]. 获取和访问路径.
   * The original sources follow as references of the same form.
   */
  GB_T_7714("gbt7714.txt", "text/plain; charset=utf-8") {
    @Override
    public String write(Citation c) {
      String cited = c.accessed().toString();
      StringBuilder b = new StringBuilder()
          .append(c.dataset()).append(". ").append(title(c)).append("[EB/OL]. ")
          .append(version(c)).append(". (")
          .append((c.updated() == null ? c.accessed() : c.updated()).toString()).append(")[")
          .append(cited).append("]. ").append(c.url()).append(".\n");
      Text t = Text.of(c.lang());
      for (Citation.Original o : c.originals()) {
        b.append(t.t("cite.gbt.original")).append(o.publisher()).append(". ").append(o.title())
            .append("[EB/OL]. ");
        if (o.published() != null) {
          b.append('(').append(gbDate(o.published())).append(')');
        }
        b.append('[').append(cited).append("]. ").append(o.url()).append(".\n");
      }
      return b.toString();
    }

    /** GB/T 7714 writes dates as YYYY-MM-DD, and as much of that as is known. */
    private String gbDate(PartialDate d) {
      return d.code();
    }
  };

  private final String extension;
  private final String contentType;

  CitationFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  /** The file's content. */
  public abstract String write(Citation c);

  /** How the file's name ends after "cite.": "bib", "csl.json", "gbt7714.txt". */
  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }

  /** A link to one citation file of what a page cites: its label in the page's language. */
  public record Link(String label, String href) {
  }

  /**
   * The links to every citation file of what {@code path} shows ("/figures/14",
   * "/indicators/ai_pc_share"): {@code path/cite.bib} and the others, with {@code query} (the
   * view's, "" or "?region=CN…") and the page's language, so a file cites what the page cites.
   */
  public static List<Link> links(String path, String query, Text t) {
    String q = query;
    if (t.zh()) {
      q = q.isEmpty() ? "?lang=zh" : q + "&lang=zh";
    }
    List<Link> links = new ArrayList<>();
    for (CitationFormat f : values()) {
      links.add(new Link(t.t("figure.cite.file." + f.name().toLowerCase(java.util.Locale.ROOT)),
          path + "/cite." + f.extension() + q));
    }
    return links;
  }

  /** The format whose file name ends so ("cite.bib"), if any. */
  public static Optional<CitationFormat> byFile(String name) {
    for (CitationFormat f : values()) {
      if (name.equals("cite." + f.extension)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The title of the cited thing, with the figure (its qualifier in words) after a colon. */
  static String title(Citation c) {
    if (c.figure() == null) {
      return c.title();
    }
    return Text.of(c.lang()).t("cite.title.figure", c.title(), c.figure());
  }

  static String version(Citation c) {
    return Text.of(c.lang()).t("cite.version", c.version());
  }

  /** "Retrieved from …; original source: Publisher, "Title", date, link." */
  static String originalsNote(Citation c) {
    Text t = Text.of(c.lang());
    StringBuilder b = new StringBuilder();
    if (c.qualifier() != null) {
      b.append(t.t("cite.note.qualifier." + c.qualifier())).append(' ');
    }
    List<String> each = new ArrayList<>();
    for (Citation.Original o : c.originals()) {
      each.add(t.t("cite.note.original-one", o.publisher(), o.title(),
          o.published() == null ? t.t("cite.text.no-date") : o.published().code(), o.url()));
    }
    if (!each.isEmpty()) {
      b.append(t.t(each.size() == 1 ? "cite.note.original" : "cite.note.originals",
          String.join(t.t("cite.note.separator"), each)));
    }
    return b.toString().strip();
  }

  /** BibTeX text: LaTeX's special characters escaped, so a title typesets as written. */
  static String bibtex(String s) {
    StringBuilder b = new StringBuilder();
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '\\' -> b.append("\\textbackslash{}");
        case '{', '}', '%', '&', '$', '#', '_' -> b.append('\\').append(ch);
        case '~' -> b.append("\\textasciitilde{}");
        case '^' -> b.append("\\textasciicircum{}");
        case '\n', '\r' -> b.append(' ');
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
