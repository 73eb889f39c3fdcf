package org.aimonitor.i18n;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Region;
import org.aimonitor.store.Term;
import org.jdbi.v3.core.Handle;

/**
 * The names of the places, indicator categories and source languages a view shows, in both
 * languages, read with the view (regions.csv, categories.csv and languages.csv are data, not
 * interface text). A code without a row is shown as itself.
 */
public record Names(Map<String, Region> regions, Map<String, Term> categories,
    Map<String, Term> languages) {

  public static final Names NONE = new Names(Map.of(), Map.of(), Map.of());

  /** The names of these codes, in the handle's transaction. */
  public static Names read(Handle h, Collection<String> regions, Collection<String> categories,
      Collection<String> languages) {
    DataStore store = h.attach(DataStore.class);
    Map<String, Region> r = new LinkedHashMap<>();
    if (!regions.isEmpty()) {
      store.regions(regions).forEach(x -> r.put(x.code(), x));
    }
    Map<String, Term> c = new LinkedHashMap<>();
    if (!categories.isEmpty()) {
      store.categories(categories).forEach(x -> c.put(x.code(), x));
    }
    Map<String, Term> l = new LinkedHashMap<>();
    if (!languages.isEmpty()) {
      store.languages(languages).forEach(x -> l.put(x.code(), x));
    }
    return new Names(r, c, l);
  }

  /** Names of these places only (tests and views that show no categories or languages). */
  public static Names ofRegions(List<Region> places) {
    Map<String, Region> r = new LinkedHashMap<>();
    places.forEach(x -> r.put(x.code(), x));
    return new Names(r, Map.of(), Map.of());
  }

  /** "China (mainland)" / "中国（大陆）". */
  public String region(String code, Text t) {
    Region r = regions.get(code);
    return r == null ? code : t.zh() ? r.nameZh() : r.nameEn();
  }

  /** "Industry scale" / "产业规模". */
  public String category(String code, Text t) {
    Term c = categories.get(code);
    return c == null ? code : t.zh() ? c.nameZh() : c.nameEn();
  }

  /** "English" / "英文". */
  public String language(String code, Text t) {
    Term l = languages.get(code);
    return l == null ? code : t.zh() ? l.nameZh() : l.nameEn();
  }

  /** These names and {@code other}'s together. */
  public Names with(Names other) {
    Map<String, Region> r = new LinkedHashMap<>(regions);
    r.putAll(other.regions);
    Map<String, Term> c = new LinkedHashMap<>(categories);
    c.putAll(other.categories);
    Map<String, Term> l = new LinkedHashMap<>(languages);
    l.putAll(other.languages);
    return new Names(r, c, l);
  }
}
