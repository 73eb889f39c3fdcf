package org.aimonitor.figure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aimonitor.i18n.Text;
import org.aimonitor.updates.AtomFeed;

/**
 * {@code /figures/{id}.atom}: one figure's history as a feed, newest first: an entry when it was
 * first published here and one per revision (old → new), each naming its import and the reason
 * the import gave. A figure has few states (one per import that changed it), so the feed lists
 * them all.
 *
 * <p>Ids are name-based UUIDs of this monitor's identity (when its first import was logged) and
 * the figure and import ("figures/14/imports/2"), like the other feeds' (updates/Feeds).
 */
public final class FigureFeed {

  private FigureFeed() {
  }

  /** The feed of {@code v} (today's view of the figure), on {@code origin}. */
  static AtomFeed.Feed of(FigureView v, String identity, String origin, Text t) {
    String lang = t.zh() ? "?lang=zh" : "";
    String page = origin + v.href() + lang;
    List<AtomFeed.Entry> entries = new ArrayList<>();
    List<FigureStates.State> all = v.states().states();
    String what = v.indicatorName() + t.t("list.separator") + v.regionName()
        + t.t("list.separator") + v.period();
    for (int i = all.size() - 1; i >= 0; i--) {
      FigureStates.State s = all.get(i);
      String figure = t.labelled(v.indicator(), s.value(), s.qualifier());
      String reason = FigureView.reason(v.imports(), s.importId());
      String summary = i == 0 ? t.t("figure.feed.first", figure)
          : t.t("figure.feed.revised", t.labelled(v.indicator(), all.get(i - 1).value(),
              all.get(i - 1).qualifier()), figure);
      List<String> paragraphs = new ArrayList<>();
      paragraphs.add(what);
      paragraphs.add(summary);
      paragraphs.add(FigureView.recordedLabel(s, t));
      if (reason != null) {
        paragraphs.add(t.t("updates.feed.reason", reason));
      }
      if (s.note() != null && !s.note().isBlank()) {
        paragraphs.add(t.t("figure.feed.note", s.note()));
      }
      Instant at = s.recordedAt() == null ? Instant.EPOCH : Instant.parse(s.recordedAt());
      String name = s.importId() == null ? "figures/" + v.id() + "/states/" + i
          : "figures/" + v.id() + "/imports/" + s.importId();
      String title = reason == null ? summary : t.t("figure.feed.entry.reason", summary, reason);
      String href = s.importId() == null ? page : origin + "/updates/" + s.importId() + lang;
      entries.add(new AtomFeed.Entry(AtomFeed.id(identity + "/" + name), title, at, at,
          t.t("site.name"), href, summary, new AtomFeed.Content(paragraphs, List.of(), page,
              t.t("figure.feed.page"))));
    }
    Instant updated = entries.stream().map(AtomFeed.Entry::updated).max(Instant::compareTo)
        .orElse(Instant.EPOCH);
    return new AtomFeed.Feed(AtomFeed.id(identity + "/figures/" + v.id()),
        t.t("figure.feed.title", what), v.unit(), updated, origin + v.href() + ".atom" + lang,
        page, t.lang().htmlLang(), t.t("site.name"), entries);
  }
}
