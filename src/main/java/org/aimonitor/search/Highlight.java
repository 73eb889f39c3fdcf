package org.aimonitor.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A text cut into parts, those that match a search word marked. The parts are plain text: the
 * template writes each with {@code th:text}, so whatever the data or the query hold is escaped.
 */
public final class Highlight {

  /** A run of the text, marked when it matched. */
  public record Part(String text, boolean mark) {
  }

  private Highlight() {
  }

  /** {@code text} with every occurrence of each word marked, folded as the search folds (NFKC, case). */
  public static List<Part> of(String text, List<String> words) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    // The folded text, and for each of its chars the char of the original it came from.
    StringBuilder folded = new StringBuilder();
    List<Integer> origin = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      String f = Normalizer.normalize(text.substring(i, next), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
      for (int k = 0; k < f.length(); k++) {
        origin.add(i);
      }
      folded.append(f);
      i = next;
    }
    origin.add(text.length());
    boolean[] marked = new boolean[text.length()];
    String haystack = folded.toString();
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      for (int at = haystack.indexOf(w); at >= 0; at = haystack.indexOf(w, at + 1)) {
        int from = origin.get(at);
        int to = origin.get(at + w.length());
        if (to == from) {
          to = Math.min(text.length(), from + 1);
        }
        for (int k = from; k < to; k++) {
          marked[k] = true;
        }
      }
    }
    List<Part> parts = new ArrayList<>();
    int start = 0;
    for (int k = 1; k <= text.length(); k++) {
      if (k == text.length() || marked[k] != marked[start]) {
        parts.add(new Part(text.substring(start, k), marked[start]));
        start = k;
      }
    }
    return parts;
  }
}
