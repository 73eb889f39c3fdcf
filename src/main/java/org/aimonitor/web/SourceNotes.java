package org.aimonitor.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.citation.Citation;
import org.aimonitor.citation.CitationText;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Source;

/**
 * Numbers the sources a page cites, in order of first citation, for the "[n]" marks and the
 * numbered notes at the bottom of the page.
 */
public final class SourceNotes {

  /** A numbered note: the source in full, as printed at the foot of the page. */
  public record Note(int number, Source source) {

    /**
     * The note's words in {@code t}'s language, from the one citation builder: the publisher
     * (an English name), the title in its own language, the date, the link.
     */
    public List<CitationText.Part> parts(Text t) {
      return CitationText.source(Citation.Original.of(source), t.date(source), "en",
          t.lang(source), t);
    }
  }

  private final Map<String, Source> sources;
  private final Map<String, Integer> numbers = new LinkedHashMap<>();

  public SourceNotes(Map<String, Source> sources) {
    this.sources = sources;
  }

  /** The note number of a source, assigning the next one on first citation. */
  public int cite(String sourceId) {
    if (!sources.containsKey(sourceId)) {
      throw new IllegalArgumentException("unknown source " + sourceId);
    }
    return numbers.computeIfAbsent(sourceId, id -> numbers.size() + 1);
  }

  /** The source of a cited or citable id. */
  public Source source(String sourceId) {
    Source s = sources.get(sourceId);
    if (s == null) {
      throw new IllegalArgumentException("unknown source " + sourceId);
    }
    return s;
  }

  public List<Note> notes() {
    List<Note> notes = new ArrayList<>();
    numbers.forEach((id, n) -> notes.add(new Note(n, sources.get(id))));
    return notes;
  }

  /** The newest publication date among the cited sources: the page's "data as of". */
  public PartialDate newestDate() {
    return numbers.keySet().stream()
        .map(id -> sources.get(id).publishedOn())
        .filter(d -> d != null)
        .max(PartialDate::compareTo)
        .orElse(null);
  }
}
