package org.aimonitor.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aimonitor.TestData;
import org.aimonitor.AppExtension;
import org.aimonitor.importer.ImportFile;
import org.aimonitor.importer.Importer;
import org.aimonitor.json.Json;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dataset's Chinese texts on Chinese pages: a figure's {@code note_zh} and an event's
 * {@code description_zh} are shown in Chinese, and where a row has none the English text is shown
 * inside an element marked {@code lang="en"}; English pages keep the English. The twins (.json,
 * .csv) carry both. Real server, real seed, rows without Chinese texts added by a real import.
 */
class ChineseNotesTest {

  @RegisterExtension
  static final AppExtension app = AppExtension.own();

  /** The seed's Chinese note of CAICT's 2024 figure (data/observations.csv). */
  static final String NOTE_ZH = "同一中国信通院数据，可查到的最早日期（2025年9月24日）。此处折合1265亿美元，"
      + "新华社为1267亿美元：差别仅在汇率。";
  static final String NOTE_EN = "A note the data has in English only.";
  static final String EVENT_EN = "An event described in English only.";

  @BeforeAll
  static void start() {
    // A file written before the Chinese columns existed: its rows have no Chinese texts.
    new Importer(app.db()).apply(List.of(
        file("obs.csv", TestData.OBSERVATIONS_HEADER
            + "ai_core_industry_scale,CN-SN,2024,1,reported,ecns-2026-03-05,1," + NOTE_EN + "\n"),
        file("ev.csv", "date,category,title_en,title_zh,description_en,source\n"
            + "2026-11-30,policy,An English-only event,仅有英文说明的事件," + EVENT_EN
            + ",ecns-2026-03-05\n")), "test");
  }

  static ImportFile file(String name, String text) {
    return new ImportFile(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The element whose own text is exactly {@code text}. */
  static Element withText(Document doc, String selector, String text) {
    Element e = doc.select(selector).stream().filter(x -> x.text().equals(text)).findFirst()
        .orElse(null);
    assertNotNull(e, "no " + selector + " reading: " + text);
    return e;
  }

  @Test
  void aChinesePageShowsTheChineseNoteInChinese() {
    Document zh = app.page("/indicators/ai_core_industry_scale?lang=zh");
    Element note = withText(zh, "td.obs__note span", NOTE_ZH);
    assertEquals("", note.attr("lang"), "in the page's language (zh-CN)");
    assertEquals("zh-CN", zh.selectFirst("html").attr("lang"));
    // The English page keeps the English note.
    Document en = app.page("/indicators/ai_core_industry_scale");
    assertTrue(en.select("td.obs__note span").stream().noneMatch(x -> x.text().equals(NOTE_ZH)));
    withText(en, "td.obs__note span", "Same CAICT figure, earliest dated appearance (24 Sep 2025)."
        + " USD 126.5bn here vs 126.7bn in Xinhua: exchange rate only.");
  }

  @Test
  void aNoteWithoutChineseIsShownInEnglishMarkedAsEnglish() {
    for (String path : List.of("/indicators/ai_core_industry_scale?region=CN-SN&lang=zh",
        "/regions/CN-SN?lang=zh")) {
      Element note = withText(app.page(path), "td.obs__note span", NOTE_EN);
      assertEquals("en", note.attr("lang"), path);
    }
    Element english = withText(app.page("/regions/CN-SN"), "td.obs__note span", NOTE_EN);
    assertEquals("", english.attr("lang"), "an English page marks nothing");
  }

  @Test
  void eventDescriptionsAreChineseWhereTheDataHasThemElseMarkedEnglish() {
    Document timeline = app.page("/timeline?lang=zh");
    Element plan = withText(timeline, "p.timeline__desc", "“三步走”规划（国发〔2017〕35号）。人工智能核心产业目标："
        + "超过1500亿元（2020年）、4000亿元（2025年）和1万亿元（2030年）；带动相关产业规模超过1万亿元、5万亿元和10万亿元。"
        + "通知落款日期为2017年7月8日，7月20日公布。");
    assertEquals("", plan.attr("lang"));
    // The overview lists the newest events: the imported one first, in English, marked.
    Element newest = withText(app.page("/?lang=zh"), "p.timeline__desc", EVENT_EN);
    assertEquals("en", newest.attr("lang"));
  }

  @Test
  void theTwinsCarryTheChineseTexts() throws java.io.IOException {
    JsonNode doc = Json.MAPPER.readTree(app.get("/api/v1/indicators/ai_core_industry_scale").body());
    boolean found = false;
    for (JsonNode o : doc.get("observations")) {
      if (o.get("note_zh").asText().equals(NOTE_ZH)) {
        found = true;
      }
      if (o.get("note").asText().equals(NOTE_EN)) {
        assertEquals("", o.get("note_zh").asText());
      }
    }
    assertTrue(found, "the JSON twin carries note_zh");
    String csv = app.get("/indicators/ai_core_industry_scale.csv").body();
    assertTrue(csv.startsWith("indicator,region,period,value,qualifier,source,headline,note,"), csv);
    assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",note_zh"));
    assertTrue(csv.contains(NOTE_ZH), "the CSV twin carries note_zh");
  }
}
