package org.aimonitor.store;

import org.jdbi.v3.core.Handle;

/**
 * Keeps the search index (migration V10: {@code search_entry}, {@code search_name},
 * {@code search_text}, {@code search_gram}) in step with the data, inside the caller's
 * transaction: an import marks the things it added or changed, then {@link #update} indexes them
 * again from the views {@code search_names} and {@code search_docs}, which say what is searched.
 * A failed import rolls the index back with everything else.
 */
public final class SearchIndex {

  /** The kinds of thing a search finds, as the index names them. */
  public static final String INDICATOR = "indicator";
  public static final String PLACE = "place";
  public static final String SOURCE = "source";
  public static final String EVENT = "event";

  private static final String DIRTY = "temp.search_dirty";

  private SearchIndex() {
  }

  /**
   * Marks the things of {@code kind} whose keys {@code refs} selects (a SELECT of one column,
   * built from the importer's own table names, never from input) to be indexed again.
   */
  public static void mark(Handle h, String kind, String refs) {
    h.execute("CREATE TEMP TABLE IF NOT EXISTS search_dirty (kind TEXT NOT NULL, ref TEXT NOT NULL,"
        + " PRIMARY KEY (kind, ref)) WITHOUT ROWID");
    h.createUpdate("WITH marked (r) AS (" + refs + ") INSERT OR IGNORE INTO " + DIRTY
        + " (kind, ref) SELECT :kind, r FROM marked").bind("kind", kind).execute();
  }

  /** Indexes the marked things again (their names, text and short words), then forgets them. */
  public static void update(Handle h) {
    boolean marked = h.createQuery("SELECT count(*) FROM sqlite_temp_master WHERE name = 'search_dirty'")
        .mapTo(Integer.class).one() > 0;
    if (!marked) {
      return;
    }
    // New things get the next ids of their kind's range.
    h.execute("""
        INSERT INTO search_entry (id, kind, ref)
        SELECT k.base + coalesce((SELECT max(e.id) FROM search_entry e
                                  WHERE e.id BETWEEN k.base AND k.base + 1099511627775) - k.base, 0)
               + row_number() OVER (PARTITION BY d.kind ORDER BY d.ref), d.kind, d.ref
        FROM temp.search_dirty d JOIN search_kind k ON k.kind = d.kind
        WHERE NOT EXISTS (SELECT 1 FROM search_entry e WHERE e.kind = d.kind AND e.ref = d.ref)
        """);
    String entries = "SELECT e.id FROM temp.search_dirty d JOIN search_entry e"
        + " ON e.kind = d.kind AND e.ref = d.ref";
    h.execute("DELETE FROM search_text WHERE rowid IN (" + entries + ")");
    h.execute("DELETE FROM search_gram WHERE entry IN (" + entries + ")");
    h.execute("DELETE FROM search_name WHERE entry IN (" + entries + ")");
    for (String kind : new String[] {INDICATOR, PLACE, SOURCE, EVENT}) {
      // Per kind, so that the key condition reaches each table's own index through the views.
      String refs = "SELECT ref FROM temp.search_dirty WHERE kind = :kind";
      h.createUpdate("""
          INSERT OR IGNORE INTO search_name (entry, name)
          SELECT e.id, n.name FROM search_names n JOIN search_entry e ON e.kind = n.kind AND e.ref = n.ref
          WHERE n.kind = :kind AND n.ref IN (%s) AND n.name <> ''
          """.formatted(refs)).bind("kind", kind).execute();
      h.createUpdate("""
          INSERT INTO search_text (rowid, names, body)
          SELECT e.id, d.names, d.body FROM search_docs d JOIN search_entry e ON e.kind = d.kind AND e.ref = d.ref
          WHERE d.kind = :kind AND d.ref IN (%s)
          """.formatted(refs)).bind("kind", kind).execute();
    }
    h.execute("INSERT OR IGNORE INTO search_gram (gram, entry) SELECT gram, entry FROM search_grams"
        + " WHERE entry IN (" + entries + ")");
    h.execute("DROP TABLE " + DIRTY);
  }
}
