package org.aimonitor.search;

import java.util.List;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Region;
import org.aimonitor.store.Source;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The search's reads of the index (migration V10) and of the things it finds. Each kind of thing
 * has its own range of entry ids, so every read stays inside one kind's part of each index; every
 * list is capped at {@link #CAP}, so a word that matches everything costs a bounded read.
 */
@RegisterConstructorMapper(SearchQueries.Hit.class)
@RegisterConstructorMapper(SearchQueries.EventRow.class)
public interface SearchQueries {

  /** Most matches of one kind a search counts and ranks ("more than 1,000"). */
  int CAP = 1_000;

  /** One match: its key, how well it matched (0 exact name, 1 prefix, 2 within), and the count of all (capped). */
  record Hit(String ref, int tier, long total) {
  }

  /** An event with its id (search links it on the timeline by date). */
  record EventRow(long id, String date, String titleEn, String titleZh, String source) {
  }

  /** Matches driven by the trigram index (every long word in the text); short words are grams. */
  String BY_TEXT = """
      SELECT rowid AS id FROM search_text
      WHERE search_text MATCH :fts AND rowid BETWEEN :lo AND :hi
      """;

  /** Matches driven by the first short word's grams (no word of three characters or more). */
  String BY_GRAM = """
      SELECT d.entry AS id FROM search_gram d
      WHERE d.gram = :first AND d.entry BETWEEN :lo AND :hi
      """;

  /**
   * One page of the matches of one kind (ids {@code lo} to {@code hi}): names equal to the whole
   * query first, then names that begin with it, then the rest, shorter names first. The exact and
   * prefix matches are read from the name index apart from the word matches, so that capping the
   * word matches never loses them.
   */
  @SqlQuery("""
      WITH words (id) AS (SELECT w.id FROM (<driver>) w
                          WHERE (SELECT count(*) FROM search_gram g
                                 WHERE g.entry = w.id AND g.gram IN (<grams>)) = :gramCount
                          LIMIT :cap),
           named (id) AS (SELECT entry FROM search_name INDEXED BY search_name_by_name
                          WHERE name >= :whole AND name < :wholeEnd AND entry BETWEEN :lo AND :hi
                          LIMIT :cap),
           found (id) AS (SELECT id FROM words UNION SELECT id FROM named)
      SELECT e.ref,
             CASE WHEN EXISTS (SELECT 1 FROM search_name n WHERE n.entry = f.id AND n.name = :whole) THEN 0
                  WHEN EXISTS (SELECT 1 FROM search_name n
                               WHERE n.entry = f.id AND n.name >= :whole AND n.name < :wholeEnd) THEN 1
                  ELSE 2 END AS tier,
             (SELECT min(length(n.name)) FROM search_name n WHERE n.entry = f.id) AS shortest,
             count(*) OVER () AS total
      FROM found f JOIN search_entry e ON e.id = f.id
      ORDER BY tier, shortest, e.id
      LIMIT :limit OFFSET :offset
      """)
  List<Hit> page(@Define("driver") String driver, @Bind("fts") String fts, @Bind("first") String first,
      @BindList("grams") List<String> grams, @Bind("gramCount") int gramCount,
      @Bind("whole") String whole, @Bind("wholeEnd") String wholeEnd, @Bind("lo") long lo,
      @Bind("hi") long hi, @Bind("cap") int cap, @Bind("limit") int limit, @Bind("offset") long offset);

  /** The first id of a kind's range. */
  @SqlQuery("SELECT base FROM search_kind WHERE kind = :kind")
  long base(@Bind("kind") String kind);

  /**
   * Places one phrase names exactly (a name or short form), or, for a Chinese phrase, begins
   * the name of (北京 → 北京市): how a query's words are read as a place for its figures.
   * Through the names' index by name: without statistics SQLite would take the primary key's
   * range of the kind instead, reading every place's names (50 ms a phrase at 1,000x the seed,
   * 0.2 ms through the name).
   */
  @SqlQuery("""
      SELECT DISTINCT e.ref FROM search_name n INDEXED BY search_name_by_name
        JOIN search_entry e ON e.id = n.entry
      WHERE n.name >= :phrase AND n.name < :phraseEnd AND n.entry BETWEEN :lo AND :hi
        AND (n.name = :phrase OR :prefix)
      LIMIT 20
      """)
  List<String> placesNamed(@Bind("phrase") String phrase, @Bind("phraseEnd") String phraseEnd,
      @Bind("prefix") boolean prefix, @Bind("lo") long lo, @Bind("hi") long hi);

  @SqlQuery("SELECT " + Indicator.COLUMNS + " FROM " + Indicator.FROM + " WHERE i.code IN (<codes>)")
  List<Indicator> indicators(@BindList("codes") List<String> codes);

  @SqlQuery("SELECT code, name_en, name_zh, parent, level FROM region WHERE code IN (<codes>)")
  List<Region> places(@BindList("codes") List<String> codes);

  @SqlQuery("SELECT * FROM source WHERE id IN (<ids>)")
  List<Source> sources(@BindList("ids") List<String> ids);

  @SqlQuery("SELECT id, date, title_en, title_zh, source FROM event WHERE id IN (<ids>)")
  List<EventRow> events(@BindList("ids") List<Long> ids);

  /** The rank of an event on the timeline (date, then id): which page of it shows the event. */
  @SqlQuery("SELECT count(*) FROM event WHERE date < :date OR (date = :date AND id < :id)")
  long eventsBefore(@Bind("date") String date, @Bind("id") long id);

  /**
   * One page of the figures of these indicators at these places in months {@code from} to
   * {@code to} (period_start/period_end numbers), by indicator, place and newest period first.
   */
  @SqlQuery("""
      SELECT o.indicator, o.region, o.period, o.value, o.qualifier, o.source, o.headline, o.note,
             o.break_before, o.doubtful, o.note_zh
      FROM observation o
      WHERE o.indicator IN (<indicators>) AND o.region IN (<places>)
        AND o.period_end >= :from AND o.period_start <= :to
      ORDER BY o.indicator, o.region, o.period_end DESC, o.period_start DESC, o.source
      LIMIT :limit OFFSET :offset
      """)
  List<Observation> figures(@BindList("indicators") List<String> indicators,
      @BindList("places") List<String> places, @Bind("from") int from, @Bind("to") int to,
      @Bind("limit") int limit, @Bind("offset") long offset);

  /** How many figures {@link #figures} would list, counted up to {@code cap}. */
  @SqlQuery("""
      SELECT count(*) FROM (SELECT 1 FROM observation o
        WHERE o.indicator IN (<indicators>) AND o.region IN (<places>)
          AND o.period_end >= :from AND o.period_start <= :to LIMIT :cap)
      """)
  long countFigures(@BindList("indicators") List<String> indicators,
      @BindList("places") List<String> places, @Bind("from") int from, @Bind("to") int to,
      @Bind("cap") int cap);

  /** As {@link #figures}, any indicator at these places: through the index by place. */
  @SqlQuery("""
      SELECT o.indicator, o.region, o.period, o.value, o.qualifier, o.source, o.headline, o.note,
             o.break_before, o.doubtful, o.note_zh
      FROM observation o INDEXED BY observation_by_region
      WHERE o.region IN (<places>) AND o.period_end >= :from AND o.period_start <= :to
      ORDER BY o.region, o.indicator, o.period_end DESC, o.period_start DESC, o.source
      LIMIT :limit OFFSET :offset
      """)
  List<Observation> figuresAt(@BindList("places") List<String> places, @Bind("from") int from,
      @Bind("to") int to, @Bind("limit") int limit, @Bind("offset") long offset);

  @SqlQuery("""
      SELECT count(*) FROM (SELECT 1 FROM observation o INDEXED BY observation_by_region
        WHERE o.region IN (<places>) AND o.period_end >= :from AND o.period_start <= :to LIMIT :cap)
      """)
  long countFiguresAt(@BindList("places") List<String> places, @Bind("from") int from,
      @Bind("to") int to, @Bind("cap") int cap);

  /** As {@link #figures}, of these indicators at any place (the query named a period, no place). */
  @SqlQuery("""
      SELECT o.indicator, o.region, o.period, o.value, o.qualifier, o.source, o.headline, o.note,
             o.break_before, o.doubtful, o.note_zh
      FROM observation o
      WHERE o.indicator IN (<indicators>) AND o.period_end >= :from AND o.period_start <= :to
      ORDER BY o.indicator, o.region, o.period_end DESC, o.period_start DESC, o.source
      LIMIT :limit OFFSET :offset
      """)
  List<Observation> figuresOf(@BindList("indicators") List<String> indicators, @Bind("from") int from,
      @Bind("to") int to, @Bind("limit") int limit, @Bind("offset") long offset);

  @SqlQuery("""
      SELECT count(*) FROM (SELECT 1 FROM observation o
        WHERE o.indicator IN (<indicators>) AND o.period_end >= :from AND o.period_start <= :to LIMIT :cap)
      """)
  long countFiguresOf(@BindList("indicators") List<String> indicators, @Bind("from") int from,
      @Bind("to") int to, @Bind("cap") int cap);

  /** The first categories, for a search that found nothing. */
  @SqlQuery("SELECT code, name_en, name_zh FROM category ORDER BY id LIMIT 20")
  List<org.aimonitor.store.Term> categories();
}
