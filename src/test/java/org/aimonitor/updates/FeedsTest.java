package org.aimonitor.updates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aimonitor.Seed;
import org.aimonitor.AppExtension;
import org.aimonitor.TestData;
import org.aimonitor.importer.ImportFile;
import org.aimonitor.importer.Importer;
import org.aimonitor.store.ImportLog;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Atom feeds, read by a real feed library (Rome) as a feed reader would: valid Atom 1.0,
 * stable ids whatever the address and however many imports follow, times, links, escaping.
 */
class FeedsTest {

  static final String REVISION = TestData.OBSERVATIONS_HEADER + """
      ai_core_industry_scale,CN,2024,950,approx,yicai-2025-09-24,0,"Revised <b>in</b> a test & escaped"
      """;

  @RegisterExtension
  static final AppExtension app = AppExtension.own();

  @BeforeAll
  static void start() {
    new Importer(app.db()).apply(List.of(new ImportFile("revision.csv",
        REVISION.getBytes(java.nio.charset.StandardCharsets.UTF_8))), "data team <web> & co");
  }

  static SyndFeed feed(String path) throws Exception {
    HttpResponse<String> r = app.get(path);
    assertEquals(200, r.statusCode(), path);
    assertEquals("application/atom+xml; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
    return parse(r.body());
  }

  static SyndFeed parse(String xml) throws Exception {
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    return input.build(new StringReader(xml));
  }

  /**
   * GET {@code path} as a client that reached the server as {@code host} (HTTP clients will not
   * set Host themselves): status line, headers, body.
   */
  static String[] viaHost(String path, String host) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: " + host
          + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      int split = response.indexOf("\r\n\r\n");
      return new String[] {response.substring(0, split), response.substring(split + 4)};
    }
  }

  /** The feed element's xml:lang (Rome does not read it for Atom). */
  static String xmlLang(String path) throws Exception {
    var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    var doc = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(app.get(path).body())));
    return doc.getDocumentElement().getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
  }

  /** The entry of import {@code id}. */
  static SyndEntry entry(SyndFeed feed, long id) {
    return feed.getEntries().stream().filter(e -> e.getLink().endsWith("/updates/" + id)).findFirst()
        .orElseThrow();
  }

  static Map<String, String> idsByLink(SyndFeed feed) {
    return feed.getEntries().stream().collect(Collectors.toMap(SyndEntry::getLink, SyndEntry::getUri));
  }

  @Test
  void theFeedOfImportsIsAtomWithOneEntryPerImportNewestFirst() throws Exception {
    SyndFeed feed = feed("/updates.atom");
    assertEquals("atom_1.0", feed.getFeedType());
    assertEquals("AI Industry Monitor: imports", feed.getTitle());
    assertEquals("en", xmlLang("/updates.atom"));
    List<String> links = feed.getEntries().stream().map(SyndEntry::getLink).toList();
    assertEquals(app.url("/updates/1"), links.get(links.size() - 1), "newest first, the seed last");
    // Titles name what changed: the first figures, then how many more, then the other tables.
    assertEquals("Import 2 (" + today() + "): AI core industry scale, China (mainland), 2024 revised",
        entry(feed, 2).getTitle());
    assertEquals("Import 1 (" + today() + "): AI core industry scale, China (mainland), 2017 added;"
        + " AI core industry scale, China (mainland), 2020 added, and " + (Seed.OBSERVATIONS - 2) + " more;"
        + " Languages: 3 added, 0 revised; Categories: 7 added, 0 revised; 7 more tables", entry(feed, 1).getTitle());
    SyndLink self = feed.getLinks().stream().filter(l -> "self".equals(l.getRel())).findFirst().orElseThrow();
    assertEquals(app.url("/updates.atom"), self.getHref());
    SyndLink html = feed.getLinks().stream().filter(l -> "alternate".equals(l.getRel())).findFirst().orElseThrow();
    assertEquals(app.url("/updates"), html.getHref());
  }

  @Test
  void entriesHaveTheirImportTimeTheirAuthorAndLinkToTheImportPage() throws Exception {
    SyndFeed feed = feed("/updates.atom");
    SyndEntry newest = entry(feed, 2);
    Instant logged = Instant.parse(app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT imported_at FROM import_log WHERE id = 2").mapTo(String.class).one()));
    assertEquals(logged.toEpochMilli(), newest.getUpdatedDate().getTime());
    assertEquals(logged.toEpochMilli(), newest.getPublishedDate().getTime());
    assertEquals(feed.getEntries().get(0).getUpdatedDate(), feed.getPublishedDate(),
        "the feed is as new as its newest entry");
    assertEquals("data team <web> & co", newest.getAuthor(), "escaped on the way, read back as written");
    assertEquals(app.url("/updates/2"), newest.getLink());
    SyndContent content = newest.getContents().get(0);
    assertEquals("xhtml", content.getType());
    var body = Jsoup.parse(content.getValue());
    assertEquals(app.url("/indicators/ai_core_industry_scale?region=CN"), body.selectFirst("li a").attr("href"));
    assertEquals("AI core industry scale, China (mainland), 2024: > ¥900 billion (lower bound)"
        + " → ≈ ¥950 billion (approximate) (Yicai Global, 24 Sep 2025)", body.selectFirst("li a").text());
    assertEquals(app.url("/updates/2"), body.select("p > a").last().attr("href"));
  }

  @Test
  void idsAreTheSameOnEveryRequestWhateverTheHostAndAfterMoreImports() throws Exception {
    SyndFeed first = feed("/updates.atom");
    SyndFeed again = feed("/updates.atom");
    Map<String, String> ids = idsByLink(first);
    assertEquals(ids, idsByLink(again));
    assertEquals(first.getUri(), again.getUri());
    assertTrue(first.getUri().matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
        first.getUri());

    // Another address of the same server: other links, the same ids.
    String[] answer = viaHost("/updates.atom", "localhost:" + app.port());
    assertTrue(answer[0].startsWith("HTTP/1.1 200"), answer[0]);
    SyndFeed viaLocalhost = parse(answer[1]);
    assertTrue(viaLocalhost.getEntries().stream()
        .anyMatch(e -> e.getLink().equals("http://localhost:" + app.port() + "/updates/2")));
    assertEquals(first.getUri(), viaLocalhost.getUri());
    assertEquals(first.getEntries().stream().map(SyndEntry::getUri).toList(),
        viaLocalhost.getEntries().stream().map(SyndEntry::getUri).toList());

    // And the Chinese feed carries the same entries in Chinese.
    SyndFeed zh = feed("/updates.atom?lang=zh");
    assertEquals("zh-CN", xmlLang("/updates.atom?lang=zh"));
    assertEquals("第2次导入（" + org.aimonitor.i18n.Text.ZH.date(ImportLog.day(Instant.now())) + "）：修订人工智能核心产业规模，中国（大陆），2024年",
        zh.getEntries().stream().filter(e -> e.getLink().equals(app.url("/updates/2?lang=zh")))
            .findFirst().orElseThrow().getTitle());
    assertEquals(first.getEntries().stream().map(SyndEntry::getUri).toList(),
        zh.getEntries().stream().map(SyndEntry::getUri).toList());

    TestData.importCsv(app.db(), "months.csv", TestData.syntheticMonths("ai_pc_share", "ecns-2026-03-05", 3));
    String etag = app.get("/updates.atom").headers().firstValue("ETag").orElseThrow();
    TestData.importCsv(app.db(), "months.csv", TestData.syntheticMonths("ai_pc_share", "ecns-2026-03-05", 3));
    assertEquals(200, app.get("/updates.atom", "If-None-Match", etag).statusCode(),
        "an import that changed nothing is news too");
    SyndFeed later = feed("/updates.atom");
    assertEquals(first.getEntries().size() + 2, later.getEntries().size());
    Map<String, String> laterIds = idsByLink(later);
    ids.forEach((link, id) -> assertEquals(id, laterIds.get(link), link + " keeps its id"));
    assertEquals(first.getUri(), later.getUri());
    assertEquals(later.getEntries().size(),
        later.getEntries().stream().map(SyndEntry::getUri).distinct().count());
  }

  @Test
  void anIndicatorsFeedListsTheImportsThatChangedItsFigures() throws Exception {
    SyndFeed feed = feed("/indicators/ai_core_industry_scale.atom");
    assertEquals("AI Industry Monitor: AI core industry scale", feed.getTitle());
    assertEquals(List.of(app.url("/updates/2"), app.url("/updates/1")),
        feed.getEntries().stream().map(SyndEntry::getLink).toList(), "later imports changed other indicators");
    SyndEntry newest = feed.getEntries().get(0);
    assertTrue(newest.getTitle().endsWith("): China (mainland), 2024 revised"), newest.getTitle());
    assertEquals(app.url("/updates/2"), newest.getLink());
    SyndFeed all = feed("/updates.atom");
    assertNotEquals(entry(all, 2).getUri(), newest.getUri(), "one import's entry in two feeds");
    assertNotEquals(all.getUri(), feed.getUri());
    assertEquals(feed.getUri(), feed("/indicators/ai_core_industry_scale.atom").getUri());
    // An indicator the revision did not touch lists the seed only.
    assertEquals(1, feed("/indicators/ai_enterprises.atom").getEntries().size());
  }

  @Test
  void anUnknownIndicatorsFeedIsA404AndTheOtherTwinsStillWork() {
    assertEquals(404, app.get("/indicators/no_such_thing.atom").statusCode());
    assertEquals(400, app.get("/indicators/ai_core_industry_scale.atom?region=XYZ").statusCode(),
        "view parameters are refused, not cached once per value");
    assertEquals(200, app.get("/indicators/ai_core_industry_scale.json").statusCode());
    assertEquals(200, app.get("/indicators/ai_core_industry_scale.csv").statusCode());
    assertEquals(200, app.get("/indicators/ai_core_industry_scale").statusCode());
  }

  @Test
  void theFeedsAnswerConditionalRequestsWithoutRendering() throws Exception {
    HttpResponse<String> first = app.get("/updates.atom");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, app.get("/updates.atom", "If-None-Match", etag).statusCode());
    assertNotEquals(etag, app.get("/updates.atom?lang=zh").headers().firstValue("ETag").orElseThrow());
    String other = viaHost("/updates.atom", "localhost:" + app.port())[0];
    assertTrue(other.contains("ETag: W/"), other);
    assertTrue(!other.contains(etag), "links on another host are another answer");
    assertNotNull(first.headers().firstValue("Last-Modified").orElse(null));
  }

  static String today() {
    return org.aimonitor.i18n.Text.EN.date(ImportLog.day(Instant.now()));
  }
}
