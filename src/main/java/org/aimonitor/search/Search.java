package org.aimonitor.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Region;
import org.aimonitor.store.SearchIndex;
import org.aimonitor.store.Source;
import org.jdbi.v3.core.Handle;

/**
 * Runs a search: what each kind of thing matches, ranked and counted (up to
 * {@link SearchQueries#CAP}), and the figures a query names by place, topic and period.
 * Language-independent: the page and the API document read the same {@link Results}.
 *
 * <p>A query that names a place ("Guangdong 2025 AI industry", "粤 算力") is read as a place part
 * (the place's name or short form), a topic part (the other words, which indicators must match)
 * and a period; the figures are that place's figures for those indicators in that period.
 */
public final class Search {

  /** The groups, in the order a page shows them: names before figures. */
  public enum Kind {
    INDICATORS(SearchIndex.INDICATOR), PLACES(SearchIndex.PLACE), FIGURES(null),
    SOURCES(SearchIndex.SOURCE), EVENTS(SearchIndex.EVENT);

    private final String indexKind;

    Kind(String indexKind) {
      this.indexKind = indexKind;
    }

    /** As URLs and the API name it: {@code indicators}, {@code places} … */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Kind parse(String code) {
      for (Kind k : values()) {
        if (k.code().equals(code)) {
          return k;
        }
      }
      return null;
    }
  }

  /** A figure with what it needs to be shown: its indicator (the unit), place and source. */
  public record Figure(Observation observation, Indicator indicator, Region place, Source source) {
  }

  /** One group: how many matched ({@code capped} when more than the cap), and one page of them. */
  public record Group(Kind kind, long total, boolean capped, List<?> items) {
  }

  /**
   * @param placeCodes the places the query names, when it names any (their figures are listed)
   * @param highlight the words to mark in what is shown (as typed and as looked up)
   */
  public record Results(SearchQuery query, List<Group> groups, List<String> placeCodes,
      List<String> highlight) {

    public long total() {
      return groups.stream().mapToLong(Group::total).sum();
    }

    public Group group(Kind kind) {
      return groups.stream().filter(g -> g.kind() == kind).findFirst().orElse(null);
    }
  }

  private static final String MAX_CHAR = new String(Character.toChars(Character.MAX_CODE_POINT));
  private static final long RANGE = 1L << 40;
  /** Most indicators whose figures one search lists. */
  private static final int TOPIC_INDICATORS = 50;

  private final Handle h;
  private final SearchQueries q;

  private Search(Handle h) {
    this.h = h;
    this.q = h.attach(SearchQueries.class);
  }

  /**
   * Searches: each of {@code kinds}, {@code limit} matches from {@code offset} (which stays
   * under the cap: deeper pages do not exist).
   */
  public static Results run(Handle h, SearchQuery query, List<Kind> kinds, int limit, long offset) {
    return new Search(h).run(query, kinds, limit, offset);
  }

  private Results run(SearchQuery query, List<Kind> kinds, int limit, long offset) {
    List<String> nameWords = query.nameWords();
    // The place part and the topic part of the query, if it names a place.
    List<String> placeCodes = new ArrayList<>();
    List<String> placeWords = new ArrayList<>();
    List<String> topic = new ArrayList<>(nameWords);
    readPlaces(nameWords, placeCodes, placeWords, topic);
    boolean namesPlace = !placeCodes.isEmpty();

    Set<String> highlight = new LinkedHashSet<>();
    for (String w : query.words()) {
      highlight.add(w);
      highlight.add(SearchQuery.stem(w));
    }
    List<Group> groups = new ArrayList<>();
    for (Kind kind : kinds) {
      groups.add(switch (kind) {
        case INDICATORS -> group(kind, namesPlace ? topic : nameWords, limit, offset,
            refs -> order(refs, q.indicators(refs), Indicator::code));
        case PLACES -> group(kind, namesPlace ? placeWords : nameWords, limit, offset,
            refs -> order(refs, q.places(refs), Region::code));
        case SOURCES -> group(kind, query.words(), limit, offset,
            refs -> order(refs, q.sources(refs), Source::id));
        case EVENTS -> group(kind, query.words(), limit, offset, refs -> order(refs,
            q.events(refs.stream().map(Long::valueOf).toList()), e -> String.valueOf(e.id())));
        case FIGURES -> figures(query, placeCodes, topic, limit, offset);
      });
    }
    return new Results(query, groups, List.copyOf(placeCodes), List.copyOf(highlight));
  }

  /**
   * Finds the places the words name, longest phrases first (three words at most): a name or
   * short form exactly, or the start of a Chinese name (北京 for 北京市). Their words leave the
   * topic.
   */
  private void readPlaces(List<String> words, List<String> places, List<String> placeWords,
      List<String> topic) {
    long lo = q.base(SearchIndex.PLACE);
    for (int i = 0; i < words.size(); i++) {
      for (int n = Math.min(3, words.size() - i); n >= 1; n--) {
        String phrase = String.join(" ", words.subList(i, i + n));
        boolean chinese = phrase.codePoints().allMatch(c -> Character.UnicodeScript.of(c)
            == Character.UnicodeScript.HAN);
        List<String> found = q.placesNamed(phrase, phrase + MAX_CHAR, chinese, lo, lo + RANGE - 1);
        if (!found.isEmpty()) {
          found.stream().filter(c -> !places.contains(c)).forEach(places::add);
          placeWords.addAll(words.subList(i, i + n));
          for (int k = 0; k < n; k++) {
            topic.remove(words.get(i + k));
          }
          i += n - 1;
          break;
        }
      }
    }
  }

  private Group group(Kind kind, List<String> words, int limit, long offset,
      Function<List<String>, List<?>> load) {
    if (words.isEmpty() || offset >= SearchQueries.CAP) {
      return new Group(kind, 0, false, List.of());
    }
    List<SearchQueries.Hit> hits = hits(kind.indexKind, words, limit, offset);
    long total = hits.isEmpty() ? 0 : hits.get(0).total();
    List<String> refs = hits.stream().map(SearchQueries.Hit::ref).toList();
    return new Group(kind, Math.min(total, SearchQueries.CAP), total >= SearchQueries.CAP,
        refs.isEmpty() ? List.of() : load.apply(refs));
  }

  /** A page of one kind's matches of every word, best first. */
  private List<SearchQueries.Hit> hits(String indexKind, List<String> words, int limit, long offset) {
    List<String> stems = words.stream().map(SearchQuery::stem).toList();
    String fts = SearchQuery.ftsExpression(stems);
    List<String> grams = SearchQuery.grams(words);
    String first = grams.stream().max(java.util.Comparator.comparingInt(String::length)).orElse("");
    String whole = String.join(" ", words);
    long lo = q.base(indexKind);
    return q.page(fts != null ? SearchQueries.BY_TEXT : SearchQueries.BY_GRAM, fts, first,
        grams.isEmpty() ? List.of("") : grams, grams.size(), whole, whole + MAX_CHAR, lo,
        lo + RANGE - 1, SearchQueries.CAP, limit, offset);
  }

  /**
   * The figures of a query that names a place or a period: the place's figures (of the
   * indicators the topic matches, or of all when there is no topic), or the topic's figures of
   * that period at any place. None otherwise: the indicators' pages list those.
   */
  private Group figures(SearchQuery query, List<String> places, List<String> topic, int limit,
      long offset) {
    boolean period = query.period() != null;
    if (places.isEmpty() && (!period || topic.isEmpty()) || offset >= SearchQueries.CAP) {
      return new Group(Kind.FIGURES, 0, false, List.of());
    }
    int from = period ? query.period().startMonth() : 0;
    int to = period ? query.period().endMonth() : Integer.MAX_VALUE;
    List<String> indicators = topic.isEmpty() ? List.of()
        : hits(SearchIndex.INDICATOR, topic, TOPIC_INDICATORS, 0).stream().map(SearchQueries.Hit::ref).toList();
    if (!topic.isEmpty() && indicators.isEmpty()) {
      return new Group(Kind.FIGURES, 0, false, List.of());
    }
    int cap = SearchQueries.CAP;
    List<Observation> rows;
    long total;
    if (topic.isEmpty()) {
      rows = q.figuresAt(places, from, to, limit, offset);
      total = q.countFiguresAt(places, from, to, cap);
    } else if (places.isEmpty()) {
      rows = q.figuresOf(indicators, from, to, limit, offset);
      total = q.countFiguresOf(indicators, from, to, cap);
    } else {
      rows = q.figures(indicators, places, from, to, limit, offset);
      total = q.countFigures(indicators, places, from, to, cap);
    }
    if (rows.isEmpty()) {
      return new Group(Kind.FIGURES, total, total >= cap, List.of());
    }
    Map<String, Indicator> byCode = q.indicators(distinct(rows, Observation::indicator)).stream()
        .collect(Collectors.toMap(Indicator::code, i -> i));
    Map<String, Region> byPlace = q.places(distinct(rows, Observation::region)).stream()
        .collect(Collectors.toMap(Region::code, r -> r));
    Map<String, Source> bySource = q.sources(distinct(rows, Observation::source)).stream()
        .collect(Collectors.toMap(Source::id, s -> s));
    List<Figure> figures = rows.stream().map(o -> new Figure(o, byCode.get(o.indicator()),
        byPlace.get(o.region()), bySource.get(o.source()))).toList();
    return new Group(Kind.FIGURES, total, total >= cap, figures);
  }

  private static List<String> distinct(List<Observation> rows, Function<Observation, String> key) {
    return rows.stream().map(key).distinct().toList();
  }

  /** {@code rows} in the order of {@code refs} (the ranking). */
  private static <T> List<T> order(List<String> refs, List<T> rows, Function<T, String> key) {
    Map<String, T> byRef = new LinkedHashMap<>();
    rows.forEach(r -> byRef.put(key.apply(r), r));
    return refs.stream().map(byRef::get).filter(java.util.Objects::nonNull).toList();
  }

  /** The timeline page that shows an event (pages of {@code pageSize} in date order). */
  public static long timelinePage(Handle h, SearchQueries.EventRow e, int pageSize) {
    return h.attach(SearchQueries.class).eventsBefore(e.date(), e.id()) / pageSize + 1;
  }
}
