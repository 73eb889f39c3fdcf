package org.aimonitor.citation;

import java.time.LocalDate;
import java.util.List;
import org.aimonitor.i18n.Lang;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Source;

/**
 * What a citation of something this monitor shows says, in one language: the dataset as the place
 * it was retrieved from (its name, the data version, the permalink, the retrieval date), what is
 * cited (a figure or an indicator view) with the figure's qualifier in words, and the original
 * sources the figures come from. Every citation file and every "How to cite" line is written from
 * one of these ({@link CitationFormat}), so a lower bound is never cited as an exact value.
 *
 * @param key       a stable key for citation managers ("aim-figure-123", "aim-ai_pc_share")
 * @param title     what is cited: "AI core industry scale, China (mainland), 2024"
 * @param figure    the figure with its qualifier named ("> ¥900 billion (lower bound)"), or null
 *                  for a view of many figures
 * @param qualifier the qualifier code of a figure ("lower_bound"), or null for a view
 * @param dataset   the dataset's name in the citation's language
 * @param version   the data version the cited page showed
 * @param updated   the day the cited state was recorded here (a figure), or null
 * @param accessed  the retrieval date
 * @param url       the permalink of what is cited
 * @param originals the original sources, in citation order
 */
public record Citation(String key, Lang lang, String title, String figure, String qualifier,
    String dataset, long version, LocalDate updated, LocalDate accessed, String url,
    List<Original> originals) {

  /** An original source: who published it, its headline, its date (may be null) and its link. */
  public record Original(String publisher, String title, PartialDate published, String url) {

    public static Original of(Source s) {
      return new Original(s.publisher(), s.title(), s.publishedOn(), s.url());
    }
  }

  public Citation {
    originals = List.copyOf(originals);
  }

  /**
   * A citation of a view of many figures (an indicator page, a place, a ranking, the whole
   * dataset): no single figure or qualifier, no original sources of its own (the view's
   * figures each name theirs), retrieved on {@code accessed}.
   */
  public static Citation ofView(String key, Lang lang, String title, String dataset,
      long version, LocalDate accessed, String url) {
    return new Citation(key, lang, title, null, null, dataset, version, null, accessed, url,
        List.of());
  }

  /** The year the dataset's cited state dates from: the figure's record, else the retrieval. */
  public int year() {
    return (updated == null ? accessed : updated).getYear();
  }
}
