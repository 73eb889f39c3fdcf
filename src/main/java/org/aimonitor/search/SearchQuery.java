package org.aimonitor.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.aimonitor.store.Period;

/**
 * What a reader typed, as the index reads it: NFKC (so ＡＩ is AI), lower case, control
 * characters and punctuation as spaces, split into words; a year or period among them narrows
 * the figures. Everything is literal text: FTS5's syntax ({@code "}, {@code *}, {@code NEAR(},
 * {@code col:}, {@code AND}) is quoted away before it reaches SQLite.
 *
 * @param text the normalised query, words joined by one space (the page shows and links it)
 * @param words every word, years and periods included, in the order typed
 * @param period the first year or period among the words, or null
 */
public record SearchQuery(String text, List<String> words, Period period) {

  /** Longest query accepted, in characters after normalising. */
  public static final int MAX_CHARS = 200;
  /** Most words a query may have. */
  public static final int MAX_WORDS = 8;

  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}\\p{M}'’+#.&-]+");
  private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$");
  private static final Pattern PERIOD = Pattern.compile("(19|20|21)\\d\\d(-\\d\\d|[HQ]\\d)?");

  /** Why a query cannot be searched: the message names the limit. */
  public static final class Refused extends RuntimeException {
    private final String key;
    private final int limit;

    Refused(String key, int limit) {
      super(key);
      this.key = key;
      this.limit = limit;
    }

    public String key() {
      return key;
    }

    public int limit() {
      return limit;
    }
  }

  /** Normalises {@code raw} (null means empty); throws {@link Refused} when it is too long. */
  public static SearchQuery parse(String raw) {
    String s = raw == null ? "" : raw;
    // Bounded before any work: a 10 KB query is refused, not normalised.
    if (s.length() > MAX_CHARS * 4) {
      throw new Refused("search.error.too-long", MAX_CHARS);
    }
    s = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    for (String part : SEPARATORS.split(s)) {
      String w = EDGE_PUNCTUATION.matcher(part).replaceAll("");
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    String text = String.join(" ", words);
    if (text.length() > MAX_CHARS) {
      throw new Refused("search.error.too-long", MAX_CHARS);
    }
    if (words.size() > MAX_WORDS) {
      throw new Refused("search.error.too-many-words", MAX_WORDS);
    }
    Period period = null;
    for (String w : words) {
      if (period == null && PERIOD.matcher(w).matches()) {
        try {
          period = Period.parse(w.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          // Not a period after all (2025-13): an ordinary word.
        }
      }
    }
    return new SearchQuery(text, List.copyOf(words), period);
  }

  public boolean isEmpty() {
    return words.isEmpty();
  }

  /** The words without the year or period: what names a thing (indicators and places). */
  public List<String> nameWords() {
    return words.stream().filter(w -> period == null || !w.equalsIgnoreCase(period.code())).toList();
  }

  /**
   * The form a word is looked up in: English plurals lose their ending (phones, companies,
   * boxes), so that a substring search finds the singular and the plural alike.
   */
  static String stem(String word) {
    if (!word.chars().allMatch(c -> c < 128 && Character.isLetter(c)) || word.length() < 4) {
      return word;
    }
    if (word.endsWith("ies") && word.length() > 4) {
      return word.substring(0, word.length() - 3);
    }
    if (word.endsWith("sses") || word.endsWith("shes") || word.endsWith("ches") || word.endsWith("xes")) {
      return word.substring(0, word.length() - 2);
    }
    if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  /** Whether a word is short enough that trigrams cannot find it (the gram table does). */
  static boolean isShort(String word) {
    return word.codePointCount(0, word.length()) < 3;
  }

  /**
   * The FTS5 expression for the long words: each one a quoted string (its quotes doubled), so
   * no operator, column filter or prefix mark can come from the reader; null when none.
   */
  static String ftsExpression(List<String> words) {
    List<String> quoted = words.stream().filter(w -> !isShort(w))
        .map(w -> "\"" + w.replace("\"", "\"\"") + "\"").toList();
    return quoted.isEmpty() ? null : String.join(" AND ", quoted);
  }

  /** The short words, as the gram table holds them (at most two characters). */
  static List<String> grams(List<String> words) {
    return words.stream().filter(SearchQuery::isShort).distinct().toList();
  }
}
