package org.aimonitor.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.aimonitor.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.aimonitor.i18n.Lang;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OverviewLinksTest {

  @ParameterizedTest
  @EnumSource(Lang.class)
  void kpiCardsAndChartTitlesLinkToTheirIndicatorPages(Lang lang, @TempDir Path dir) {
    try (TestApp app = TestApp.start(dir)) {
      Document doc = Jsoup.parse(app.get("/?lang=" + lang.code()).body());
      assertEquals("/indicators/ai_core_industry_scale", doc.selectFirst("#kpi-scale .kpi__title a").attr("href"));
      assertEquals("/indicators/ai_enterprises", doc.selectFirst("#kpi-enterprises .kpi__title a").attr("href"));
      assertEquals("/indicators/ai_enterprises_global_share",
          doc.selectFirst("#kpi-global-share .kpi__title a").attr("href"));
      assertEquals("/indicators#category-segments", doc.selectFirst("#kpi-segments .kpi__title a").attr("href"));

      assertEquals("/indicators/ai_core_industry_scale",
          doc.selectFirst("#chart-market-scale-figure h3 a").attr("href"));
      Element hardware = doc.getElementById("chart-hardware-figure");
      assertEquals(List.of("/indicators/ai_phone_share", "/indicators/ai_pc_share",
              "/indicators/l2_adas_penetration", "/indicators/ai_terminal_penetration"),
          hardware.select(".chart__links a").eachAttr("href"));
      // Named as the dataset names the indicators in the page's language.
      assertEquals(lang == Lang.EN
              ? List.of("AI phone share of smartphone shipments", "AI PC share of PC shipments",
                  "L2 driver-assistance penetration, new passenger cars",
                  "Penetration of new-generation intelligent terminals and agents")
              : List.of("AI手机出货占比", "AI PC出货占比", "L2级组合驾驶辅助新车渗透率",
                  "新一代智能终端、智能体等应用普及率"),
          hardware.select(".chart__links a").eachText());
      assertEquals(lang == Lang.EN ? "AI core industry scale by year" : "人工智能核心产业规模（按年）",
          doc.selectFirst("#chart-market-scale-figure h3 a").text());

      for (String href : doc.select(".kpi__title a, .chart__links a").eachAttr("href")) {
        assertEquals(200, app.get(href).statusCode(), href);
      }
      assertTrue(doc.select(".site-nav a").eachAttr("href")
          .containsAll(List.of("/indicators", "/sources", "/timeline", "/data")));
    }
  }
}
