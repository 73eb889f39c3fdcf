package org.aimonitor.region;

import java.util.List;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.store.Indicator;
import org.aimonitor.web.Paging;

/**
 * {@code /indicators/{code}/ranking}: every province and city ranked in one period, a page of
 * {@link #PAGE_SIZE} at a time, for rankings longer than the indicator page shows.
 *
 * @param title    the page's title and heading ("AI enterprises: places ranked, end of 2024")
 * @param dataLang {@code lang} of English-only data (notes, publishers) on Chinese pages, or null
 */
public record RankingPageView(Indicator indicator, String name, String unit, String definition,
    String title, RankingView ranking, Paging.Pager pager, List<SourceNotes.Note> sources,
    String indicatorHref, long dataVersion, String dataLang) {

  public static final int PAGE_SIZE = 100;
}
