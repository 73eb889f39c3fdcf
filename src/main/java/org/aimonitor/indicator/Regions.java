package org.aimonitor.indicator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The region vocabulary of the dataset (data/README.md), in the order pages list regions. */
public final class Regions {

  private static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("CN", "China (mainland)");
    LABELS.put("CN-GC", "Greater China");
    LABELS.put("WORLD", "World");
    LABELS.put("US", "United States");
  }

  private Regions() {
  }

  public static List<String> codes() {
    return List.copyOf(LABELS.keySet());
  }

  public static boolean isKnown(String code) {
    return LABELS.containsKey(code);
  }

  /** "China (mainland)"; an unknown code is shown as itself rather than hidden. */
  public static String label(String code) {
    return LABELS.getOrDefault(code, code);
  }

  /** Position in the vocabulary, for sorting regions the same way on every page. */
  public static int order(String code) {
    int i = codes().indexOf(code);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  /** "CN (China (mainland)), CN-GC (Greater China), …" for error messages. */
  public static String describe() {
    return LABELS.entrySet().stream()
        .map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", "));
  }
}
