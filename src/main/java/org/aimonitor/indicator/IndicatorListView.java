package org.aimonitor.indicator;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.aimonitor.indicator.IndicatorQueries.Latest;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.freshness.FreshnessQueries;
import org.aimonitor.freshness.FreshnessView;
import org.aimonitor.i18n.Names;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Source;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.QueryParams;
import org.aimonitor.web.Paging;
import org.jdbi.v3.core.Handle;

/**
 * {@code /indicators}: indicators by category, each with its latest headline figure and source
 * and when its next release is expected, a page of {@link #PAGE_SIZE} at a time; or, with
 * {@code ?sort=freshness}, all of them by next release (overdue first), and with
 * {@code ?status=overdue} only the overdue ones.
 */
public record IndicatorListView(Order order, String heading, String lede,
    List<Category> categories, long count, List<SourceNotes.Note> sources, long dataVersion,
    Paging.Pager pager, List<SortLink> sortLinks) {

  /** Indicators per page: every indicator of the seed fits on the first. */
  public static final int PAGE_SIZE = 100;

  /** A category heading and its indicators. */
  public record Category(String code, String label, List<Entry> entries) {
  }

  /**
   * One indicator. {@code figure} and the fields after it are {@code null} when the indicator
   * has no national headline figure; {@code places} then says for how many places it has
   * figures ("Figures for 21 places"), or is {@code null} when it has none at all.
   * {@code freshness} is {@code null} only for an indicator not yet worked out.
   */
  public record Entry(String code, String name, String href, String unit, String figure,
      String qualifier, String period, String region, Integer sourceNo, String publisher,
      String places, FreshnessView freshness) {
  }

  /** A link to the list in another order, or the current one. */
  public record SortLink(String label, String href, boolean current) {
  }

  /**
   * The list's order, from {@code ?sort=} ({@code category}, the default, or
   * {@code freshness}) and {@code ?status=overdue} (only overdue indicators, by next release).
   */
  public record Order(boolean byFreshness, boolean overdueOnly) {

    static final Order DEFAULT = new Order(false, false);
    /** The parameters it reads. */
    public static final QueryParams PARAMS = QueryParams.of("sort", "status");

    /** Reads the order from the request (its route declares {@link #PARAMS}). */
    public static Order parse(Context ctx, Text t) {
      return parse(PARAMS.in(ctx), t);
    }

    public static Order parse(Map<String, List<String>> query, Text t) {
      String sort = Objects.requireNonNullElse(PARAMS.single(query, "sort", t), "");
      String status = Objects.requireNonNullElse(PARAMS.single(query, "status", t), "");
      if (!sort.isEmpty() && !sort.equals("category") && !sort.equals("freshness")) {
        throw refused(t, t.t("filter.error.choice", "sort", "category | freshness", sort));
      }
      if (!status.isEmpty() && !status.equals("overdue")) {
        throw refused(t, t.t("filter.error.choice", "status", "overdue", status));
      }
      boolean overdue = status.equals("overdue");
      if (overdue && sort.equals("category")) {
        throw refused(t, t.t("filter.error.choice", "sort", "freshness", sort));
      }
      return new Order(overdue || sort.equals("freshness"), overdue);
    }

    private static HttpProblem refused(Text t, String message) {
      return QueryParams.refused(t, message);
    }

    /** The list's address in this order, at page {@code page}. */
    public String href(int page) {
      List<String> params = new ArrayList<>();
      if (overdueOnly) {
        params.add("status=overdue");
      } else if (byFreshness) {
        params.add("sort=freshness");
      }
      if (page > 1) {
        params.add("page=" + page);
      }
      return "/indicators" + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }
  }

  /** The page {@code paging} of the list in {@code t}'s language, read in the handle's transaction. */
  public static IndicatorListView build(Handle h, Paging paging, Text t) {
    return build(h, Order.DEFAULT, paging, LocalDate.now(java.time.ZoneOffset.UTC), t);
  }

  /**
   * The page {@code paging} of the list in {@code order}, with the freshness of each indicator
   * on {@code today}, read in the handle's transaction.
   */
  public static IndicatorListView build(Handle h, Order order, Paging paging, LocalDate today,
      Text t) {
    IndicatorQueries queries = h.attach(IndicatorQueries.class);
    long count = order.overdueOnly() ? h.attach(FreshnessQueries.class).overdueCount(today) : queries.count();
    paging.check(count, t);
    List<Latest> latest = !order.byFreshness()
        ? queries.inCategoryOrder(IndicatorQueries.LIST_ORDER.first(), paging.size(), paging.offset())
        : queries.inReleaseOrder(order.overdueOnly() ? today : null, paging.size(), paging.offset());
    Map<String, FreshnessView> freshness = FreshnessView.read(h,
        latest.stream().map(l -> l.indicator().code()).toList(), false, today, t);
    Set<String> cited = new LinkedHashSet<>();
    latest.stream().filter(l -> l.figure() != null).forEach(l -> cited.add(l.figure().source()));
    DataStore store = h.attach(DataStore.class);
    Map<String, Source> sources = new LinkedHashMap<>();
    store.sources(cited).forEach(s -> sources.put(s.id(), s));
    SourceNotes notes = new SourceNotes(sources);
    Names names = Names.read(h,
        latest.stream().filter(l -> l.figure() != null).map(l -> l.figure().region()).toList(),
        latest.stream().map(l -> l.indicator().category()).distinct().toList(), List.of());
    List<Category> categories = new ArrayList<>();
    if (order.byFreshness()) {
      List<Entry> entries = latest.stream()
          .map(l -> entry(sources, notes, names, l, freshness.get(l.indicator().code()), t)).toList();
      if (!entries.isEmpty()) {
        categories.add(new Category("by-release", t.t("indicators.freshness.heading"), entries));
      }
    } else {
      Map<String, List<Entry>> byCategory = new LinkedHashMap<>();
      for (Latest l : latest) {
        byCategory.computeIfAbsent(l.indicator().category(), c -> new ArrayList<>())
            .add(entry(sources, notes, names, l, freshness.get(l.indicator().code()), t));
      }
      byCategory.forEach((code, entries) -> categories.add(new Category(code,
          names.category(code, t), entries)));
    }
    List<SortLink> sortLinks = List.of(
        new SortLink(t.t("indicators.sort.category"), Order.DEFAULT.href(1), !order.byFreshness()),
        new SortLink(t.t("indicators.sort.freshness"), new Order(true, false).href(1),
            order.byFreshness() && !order.overdueOnly()),
        new SortLink(t.t("indicators.overdue-only"), new Order(true, true).href(1),
            order.overdueOnly()));
    String heading = t.t(order.overdueOnly() ? "indicators.overdue.heading" : "indicators.heading");
    String lede = order.overdueOnly() && count == 0 ? t.t("indicators.overdue.none")
        : t.t(order.byFreshness() ? "indicators.freshness.lede" : "indicators.lede");
    return new IndicatorListView(order, heading, lede, categories, count, notes.notes(),
        store.dataVersion(), paging.pager(count, order::href, t), sortLinks);
  }

  private static Entry entry(Map<String, Source> sources, SourceNotes notes, Names names,
      Latest l, FreshnessView freshness, Text t) {
    Indicator i = l.indicator();
    String href = "/indicators/" + i.code();
    if (l.figure() == null) {
      return new Entry(i.code(), t.name(i), href, t.unit(i), null, null, null, null, null, null,
          l.places() == 0 ? null : t.t("indicators.places", t.count(l.places())), freshness);
    }
    Observation o = l.figure();
    return new Entry(i.code(), t.name(i), href, t.unit(i), t.figure(i, o),
        t.qualifier(o.qualifier()), t.period(i, o), names.region(o.region(), t),
        notes.cite(o.source()), sources.get(o.source()).publisher(), null, freshness);
  }
}
