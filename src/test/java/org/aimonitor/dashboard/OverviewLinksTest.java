package org.aimonitor.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.aimonitor.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverviewLinksTest {

  @Test
  void kpiCardsAndChartTitlesLinkToTheirIndicatorPages(@TempDir Path dir) {
    try (TestApp app = TestApp.start(dir)) {
      Document doc = Jsoup.parse(app.get("/").body());
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

      for (String href : doc.select(".kpi__title a, .chart__links a").eachAttr("href")) {
        assertEquals(200, app.get(href).statusCode(), href);
      }
      assertTrue(doc.select(".site-nav a").eachAttr("href")
          .containsAll(List.of("/indicators", "/sources", "/timeline", "/data")));
    }
  }
}
