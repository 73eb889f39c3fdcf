package org.aimonitor.figures;

import java.util.List;
import java.util.stream.Collectors;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Region;

/** How pages speak of the places (regions.csv is the list; its order is theirs). */
public final class Regions {

  /** Error messages list the places when there are no more than this many. */
  static final int LISTED = 30;

  private Regions() {
  }

  /**
   * "CN (China (mainland)), CN-GC (Greater China), …", "CN（中国（大陆））、CN-GC（大中华区）、…"
   * for error messages; a long list is not spelled out, the message points at /regions.
   */
  public static String describe(List<Region> known, Text t) {
    if (known.size() > LISTED) {
      return t.t("filter.regions-page");
    }
    return known.stream()
        .map(r -> t.t("filter.region-item", r.code(), t.zh() ? r.nameZh() : r.nameEn()))
        .collect(Collectors.joining(t.t("filter.region-separator")));
  }
}
