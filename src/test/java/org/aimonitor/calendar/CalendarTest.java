package org.aimonitor.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aimonitor.TestApp;
import org.aimonitor.TestClock;
import org.aimonitor.importer.ImportFile;
import org.aimonitor.importer.Importer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release calendar over the seed on 1 Dec 2026 (the day FreshnessPagesTest reads: 19
 * indicators overdue, the core-industry statements due), its iCalendar files read by a real
 * parser (Debian's python3-icalendar), and an import that moves a release and then brings it.
 */
class CalendarTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate DAY = LocalDate.of(2026, 12, 1);
  static final String ORIGIN = "https://monitor.example.org";

  /**
   * Parses the calendar on stdin with icalendar (which refuses what it cannot read) and prints
   * it as JSON: the calendar's name and each event's properties as text, parameters included.
   */
  static final String PARSER = """
      import sys, json, icalendar
      cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read().decode('utf-8'))
      if cal.errors:
          raise SystemExit('errors: %r' % cal.errors)
      out = {'name': str(cal.get('X-WR-CALNAME')), 'version': str(cal.get('VERSION')),
             'prodid': str(cal.get('PRODID')), 'events': []}
      for e in cal.walk('VEVENT'):
          if e.errors:
              raise SystemExit('event errors: %r' % e.errors)
          out['events'].append({
              'uid': str(e['UID']), 'summary': str(e['SUMMARY']),
              'language': e['SUMMARY'].params.get('LANGUAGE'),
              'description': str(e['DESCRIPTION']), 'url': str(e['URL']),
              'start': e.decoded('DTSTART').isoformat(), 'end': e.decoded('DTEND').isoformat(),
              'start_is_date': type(e.decoded('DTSTART')).__name__ == 'date',
              'sequence': int(e['SEQUENCE']), 'dtstamp': e.decoded('DTSTAMP').isoformat(),
              'last_modified': e.decoded('LAST-MODIFIED').isoformat(),
              'categories': [str(c) for c in e['CATEGORIES'].cats],
              'transp': str(e['TRANSP'])})
      print(json.dumps(out, ensure_ascii=False))
      """;

  static JsonNode parse(String ics) throws Exception {
    Process p = new ProcessBuilder("/usr/bin/python3", "-c", PARSER).redirectErrorStream(true).start();
    try (var in = p.getOutputStream()) {
      in.write(ics.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "icalendar reads the file:\n" + out);
    return JSON.readTree(out);
  }

  @TempDir
  static Path dir;
  static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start(dir, Map.of("AIM_PUBLIC_URL", ORIGIN), TestClock.at(DAY));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<String> ok(TestApp on, String path, String... headers) {
    HttpResponse<String> r = on.get(path, headers);
    assertEquals(200, r.statusCode(), path);
    return r;
  }

  static JsonNode event(JsonNode calendar, String indicator) {
    for (JsonNode e : calendar.get("events")) {
      if (e.get("url").asText().startsWith(ORIGIN + "/indicators/" + indicator)
          && e.get("url").asText().replaceAll("\\?.*", "").endsWith("/" + indicator)) {
        return e;
      }
    }
    throw new AssertionError("no event for " + indicator + " in " + calendar);
  }

  static Document page(TestApp on, String path) {
    return Jsoup.parse(ok(on, path).body(), on.url(path));
  }

  @Test
  void theWholeCalendarHasAMonthLongEventForEveryScheduledIndicator() throws Exception {
    HttpResponse<String> r = ok(app, "/calendar.ics");
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"),
        r.headers().toString());
    JsonNode cal = parse(r.body());
    assertEquals("2.0", cal.get("version").asText());
    assertEquals("AI Industry Monitor: expected releases", cal.get("name").asText());
    // Every indicator a schedule gives a month, as the freshness has it (one event each).
    long scheduled = app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT count(*) FROM freshness WHERE expected IS NOT NULL").mapTo(Long.class).one());
    assertTrue(scheduled > 20, "the seed schedules most indicators: " + scheduled);
    assertEquals(scheduled, cal.get("events").size());
    List<String> uids = new ArrayList<>();
    cal.get("events").forEach(e -> uids.add(e.get("uid").asText()));
    assertEquals(uids.size(), uids.stream().distinct().count(), "one UID per event");

    JsonNode core = event(cal, "ai_core_industry_scale");
    assertEquals("2026-10-01", core.get("start").asText());
    assertEquals("2026-11-01", core.get("end").asText(), "DTEND is the day after the month");
    assertTrue(core.get("start_is_date").asBoolean(), "an all-day (DATE) event");
    assertEquals("AI core industry scale: next figure expected around Oct 2026 (inferred)",
        core.get("summary").asText());
    assertEquals("en", core.get("language").asText());
    assertTrue(core.get("description").asText().contains("an estimate inferred from past releases"),
        core.get("description").asText());
    assertTrue(core.get("description").asText().contains("It counts as overdue after 31 Jan 2027."));
    assertTrue(core.get("description").asText().endsWith(ORIGIN + "/indicators/ai_core_industry_scale"));
    assertEquals(ORIGIN + "/indicators/ai_core_industry_scale", core.get("url").asText(),
        "links on the configured public address, whatever the request's Host");
    assertEquals("TRANSPARENT", core.get("transp").asText());
    assertEquals(0, core.get("sequence").asInt());
    assertEquals(core.get("dtstamp").asText(), core.get("last_modified").asText());

    // An overdue release stays in the month it was expected in: never rolled forward.
    JsonNode pc = event(cal, "ai_pc_share");
    assertEquals("2025-11-01", pc.get("start").asText());
    assertEquals(uids, uidsOf(parse(ok(app, "/calendar.ics").body())), "the same UIDs on every request");

    // A calendar app's poll of an unchanged calendar is answered 304 from its validator.
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, app.get("/calendar.ics", "If-None-Match", etag).statusCode());
    assertEquals(200, app.get("/calendar.ics?lang=zh", "If-None-Match", etag).statusCode(),
        "the Chinese calendar is another file");
  }

  static List<String> uidsOf(JsonNode cal) {
    List<String> uids = new ArrayList<>();
    cal.get("events").forEach(e -> uids.add(e.get("uid").asText()));
    return uids;
  }

  @Test
  void theCalendarSpeaksTheReadersLanguageByParameterOrCookie() throws Exception {
    JsonNode zh = parse(ok(app, "/calendar.ics?lang=zh").body());
    assertEquals("人工智能产业监测：预计发布", zh.get("name").asText());
    JsonNode core = event(zh, "ai_core_industry_scale");
    assertTrue(core.get("summary").asText().startsWith("人工智能核心产业规模：下一个数据预计2026年10月前后发布"),
        core.get("summary").asText());
    assertEquals("zh-CN", core.get("language").asText());
    assertEquals(ORIGIN + "/indicators/ai_core_industry_scale?lang=zh", core.get("url").asText());
    assertTrue(core.get("description").asText().contains("根据以往发布时间推算的估计"));
    JsonNode byCookie = parse(ok(app, "/calendar.ics", "Cookie", "lang=zh").body());
    assertEquals(zh.get("events").get(0).get("summary"), byCookie.get("events").get(0).get("summary"));
    assertEquals(uidsOf(parse(ok(app, "/calendar.ics").body())), uidsOf(zh),
        "an event is the same event in either language");
  }

  @Test
  void anIndicatorsFileHasItsOneEventAndAnUnknownIndicatorIsNotFound() throws Exception {
    JsonNode one = parse(ok(app, "/indicators/ai_core_industry_scale.ics").body());
    assertEquals(1, one.get("events").size());
    assertEquals(event(parse(ok(app, "/calendar.ics").body()), "ai_core_industry_scale"),
        one.get("events").get(0), "the same event as in the whole calendar");
    // An irregular series expects nothing: a calendar with no event, still a calendar.
    assertEquals(0, parse(ok(app, "/indicators/smart_cockpit_penetration.ics").body()).get("events").size());
    assertEquals(404, app.get("/indicators/no_such_thing.ics").statusCode());
  }

  @Test
  void longLinesAreFoldedAtSeventyFiveOctetsWithoutSplittingACharacter() {
    String body = ok(app, "/calendar.ics?lang=zh").body();
    assertTrue(body.endsWith("END:VCALENDAR\r\n"));
    boolean folded = false;
    for (String line : body.split("\r\n", -1)) {
      assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
      assertTrue(!line.contains("\n") && !line.contains("\r"), "CRLF only");
      folded |= line.startsWith(" ");
    }
    assertTrue(folded, "the Chinese descriptions are longer than a line");
    // Escaping: the text parts of a value keep their commas and semicolons.
    StringBuilder out = new StringBuilder();
    Ics.line(out, "SUMMARY:" + Ics.text("a, b; c\\d\nnext"));
    assertEquals("SUMMARY:a\\, b\\; c\\\\d\\nnext\r\n", out.toString());
  }

  @Test
  void theCalendarPageListsWhatIsOverdueDueAndNextWithItsRecord() {
    Document p = page(app, "/calendar");
    assertEquals("Release calendar", p.selectFirst("h1").text());
    Element overdue = p.selectFirst("#overdue");
    assertTrue(overdue.selectFirst("h2").text().contains("(19)"), overdue.selectFirst("h2").text());
    assertEquals(19, overdue.select("tbody tr").size());
    Element pc = overdue.selectFirst("tbody tr:has(a[href=/indicators/ai_pc_share])");
    assertNotNull(pc);
    assertTrue(pc.text().contains("Nov 2025") && pc.text().contains("1 Jan 2026 (335 days)"), pc.text());
    Element due = p.selectFirst("#due");
    assertNotNull(due.selectFirst("a[href=/indicators/ai_core_industry_scale]"), due.text());
    assertTrue(due.text().contains("31 Jan 2027"), due.text());
    assertNotNull(p.selectFirst("#next"));
    assertNotNull(p.selectFirst("a[href=/calendar.ics]"));
    // The record: begun with this database; an inferred schedule lists the releases it was read from.
    Element record = p.selectFirst("#record");
    assertTrue(record.text().contains("The record began on"), record.text());
    Element canalys = record.selectFirst("section.calendar__series:has(h3#series-canalys-china-pc)");
    assertNotNull(canalys, "the first page of series has Canalys");
    assertTrue(canalys.text().contains("awaited; overdue after 31 Dec 2025"), canalys.text());
    assertEquals(List.of("/sources/sina-2024-09", "/sources/ripaa-2025", "/sources/longport-2025"),
        canalys.select(".calendar__evidence a").eachAttr("href"));

    Document zh = page(app, "/calendar?lang=zh");
    assertEquals("发布日历", zh.selectFirst("h1").text());
    assertEquals("/calendar.ics?lang=zh", zh.selectFirst(".as-of a").attr("href"));
    assertTrue(zh.selectFirst("#overdue").text().contains("335天"), zh.selectFirst("#overdue").text());
    assertEquals(404, app.get("/calendar?page=99").statusCode());
  }

  /**
   * An import that re-estimates a release moves its event (same UID, SEQUENCE up); one that
   * brings the release ends it in the record (expected against actual) and starts the next.
   */
  @Test
  void anImportThatMovesAReleaseMovesItsEventAndOneThatBringsItStartsTheNext(@TempDir Path own)
      throws Exception {
    TestApp fresh = TestApp.start(own, Map.of("AIM_PUBLIC_URL", ORIGIN), TestClock.at(DAY));
    try {
      JsonNode before = parse(ok(fresh, "/indicators/ai_pc_share.ics").body()).get("events").get(0);
      assertEquals("2025-11-01", before.get("start").asText());
      assertEquals(0, before.get("sequence").asInt());

      // The schedule now says three months after the quarter instead of two.
      new Importer(fresh.db()).apply(List.of(new ImportFile("schedules.csv", (
          "series,publisher,name_en,name_zh,indicators,cadence,release_months,lag_months,"
              + "grace_months,basis,basis_url,evidence,note\n"
              + "canalys-china-pc,Canalys,China PC market shipments,Canalys中国PC市场出货量数据,"
              + "ai_pc_share ai_pc_shipments,quarterly,,3,,inferred,,sina-2024-09 ripaa-2025 longport-2025,"
              + "Quarterly figures reported about three months after the quarter ends.\n")
          .getBytes(StandardCharsets.UTF_8))), "test");
      JsonNode moved = parse(ok(fresh, "/indicators/ai_pc_share.ics").body()).get("events").get(0);
      assertEquals(before.get("uid"), moved.get("uid"), "the same release, re-estimated");
      assertEquals("2025-12-01", moved.get("start").asText());
      assertEquals(1, moved.get("sequence").asInt());
      assertTrue(moved.get("last_modified").asText().compareTo(before.get("last_modified").asText()) >= 0);
      JsonNode all = event(parse(ok(fresh, "/calendar.ics").body()), "ai_pc_share");
      assertEquals(moved, all, "the whole calendar moved it too");

      // The figure comes: the record keeps the release, and the next one is a new event.
      String etagBefore = ok(fresh, "/calendar.ics").headers().firstValue("ETag").orElseThrow();
      new Importer(fresh.db()).apply(List.of(
          new ImportFile("sources.csv", ("id,publisher,title,url,published_on,language,reliability,note\n"
              + "canalys-2026-11,Canalys,China PC shipments Q3 2026,https://example.org/canalys,2026-11-20,en,secondary,\n")
              .getBytes(StandardCharsets.UTF_8)),
          new ImportFile("observations.csv", ("indicator,region,period,value,qualifier,source,headline,note\n"
              + "ai_pc_share,CN,2026-Q3,40,reported,canalys-2026-11,1,\n").getBytes(StandardCharsets.UTF_8))),
          "test");
      assertNotEquals(etagBefore, ok(fresh, "/calendar.ics").headers().firstValue("ETag").orElseThrow(),
          "an import makes the whole calendar another file");
      JsonNode next = parse(ok(fresh, "/indicators/ai_pc_share.ics").body()).get("events").get(0);
      assertNotEquals(before.get("uid"), next.get("uid"), "the next release is another event");
      assertEquals(0, next.get("sequence").asInt());
      assertEquals("2027-03-01", next.get("start").asText(), "Q4 2026 ends in Dec, three months later");

      Element canalys = page(fresh, "/calendar").selectFirst("section.calendar__series:has(h3#series-canalys-china-pc)");
      Element released = canalys.selectFirst("tr.punctuality-overdue-late");
      assertNotNull(released, canalys.outerHtml());
      assertTrue(released.text().contains("Dec 2025") && released.text().contains("20 Nov 2026")
          && released.text().contains("11 months late, after it was overdue"), released.text());
      assertNotNull(released.selectFirst("a[href=/sources/canalys-2026-11]"));
      assertNotNull(canalys.selectFirst("tr.punctuality-awaited time[datetime=2027-03]"), canalys.text());
    } finally {
      fresh.close();
    }
  }
}
