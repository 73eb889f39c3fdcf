package org.aimonitor.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aimonitor.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An indicator staff add by upload, with facts the seed has no example of in this combination
 * (a stock in a unit the code names nowhere, a figure marked not comparable with the one before,
 * a doubtful one, a far-off target), is drawn right by the running app with no code change:
 * everything the chart decides comes from the imported rows.
 */
class ImportedIndicatorChartTest {

  static final String TOKEN = "test-admin-token-0123456789";

  @TempDir
  Path dir;

  static HttpResponse<String> upload(TestApp app, String csv) {
    return app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/import")))
        .header("Content-Type", "text/csv").header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(csv)).build());
  }

  @Test
  void aNewStockIndicatorWithABreakAndADoubtfulFigureIsDrawnRight() throws Exception {
    try (TestApp app = TestApp.start(dir, TOKEN)) {
      HttpResponse<String> units = upload(app, "unit,name_en,name_zh,format_en,format_zh,zh_exponent,zh_magnitudes\n"
          + "robots,robots,台,{0} {unit},{0}{unit},0,0 4\n");
      assertEquals(200, units.statusCode(), units.body());
      HttpResponse<String> indicator = upload(app,
          "code,category,name_en,name_zh,unit,unit_en,unit_zh,decimals,definition_en,definition_zh,measure\n"
          + "robotaxis_in_service,hardware,Robotaxis in service,在运营自动驾驶出租车,robots,vehicles,辆,0,"
          + "Robotaxis in service at the end of the period.,期末在运营的自动驾驶出租车数量。,stock\n");
      assertEquals(200, indicator.statusCode(), indicator.body());
      HttpResponse<String> figures = upload(app,
          "indicator,region,period,value,qualifier,source,headline,note,break_before,doubtful\n"
          + "robotaxis_in_service,CN,2022-12,100,reported,ecns-2026-03-05,1,,0,0\n"
          + "robotaxis_in_service,CN,2023-06,150,reported,ecns-2026-03-05,1,,0,0\n"
          + "robotaxis_in_service,CN,2023-12,400,reported,ecns-2026-03-05,1,Counts every licence from now on.,1,0\n"
          + "robotaxis_in_service,CN,2024-06,450,approx,ecns-2026-03-05,1,One city's figure may be counted twice.,0,1\n"
          + "robotaxis_in_service,CN,2030,5000,target,ecns-2026-03-05,1,,0,0\n");
      assertEquals(200, figures.statusCode(), figures.body());

      HttpResponse<String> page = app.get("/indicators/robotaxis_in_service");
      assertEquals(200, page.statusCode());
      Document doc = Jsoup.parse(page.body());
      JsonNode spec = new ObjectMapper().readTree(doc.selectFirst("script.chart-spec").data());

      assertEquals("Date (values at the end of each period)", spec.at("/x/title").asText(),
          "a stock, because its row says so");
      JsonNode actual = spec.at("/series/0");
      assertEquals("line", actual.get("type").asText());
      List<Double> xs = new ArrayList<>();
      List<Boolean> joined = new ArrayList<>();
      List<String> marks = new ArrayList<>();
      actual.get("points").forEach(p -> {
        xs.add(p.get("x").asDouble());
        joined.add(p.get("joined").asBoolean());
        marks.add(p.get("mark").asText() + (p.get("doubtful").asBoolean() ? "?" : ""));
      });
      assertEquals(List.of(2023.0, 2023.5, 2024.0, 2024.5), xs, "each at the end of its month");
      assertEquals(List.of(true, true, false, true), joined, "no line into the figure marked break_before");
      assertEquals(List.of("reported", "reported", "reported", "approx?"), marks);
      assertEquals(2023.75, spec.at("/breaks/0/at").asDouble(), "the break sits between the two figures");
      assertEquals("{0}", spec.at("/axes/0/format").asText(), "a unit the code does not know: the title names it");

      assertEquals(2028.0, spec.at("/x/max").asDouble(),
          "actuals end in 2024: the axis runs to the end of 2026, plus a stock axis' margin");
      assertEquals("end of 2030: 5,000 vehicles (target)", spec.at("/beyond/0/label").asText(),
          "the 2030 target is written at the edge");
      assertEquals(5000.0, spec.at("/axes/0/max").asDouble());

      List<String> key = doc.select("#chart-indicator-figure .chart__key li").eachAttr("data-kind");
      assertEquals(List.of("reported", "approx", "target", "doubtful", "break", "unjoined", "beyond"), key);
      String table = doc.selectFirst("#chart-indicator-table").text();
      assertTrue(table.contains("approximate (doubtful ?)"), table);
      assertTrue(table.contains("5,000 vehicles (target)"), "the target beyond the axis is in the table");
      assertFalse(doc.select(".chart__notes li").eachText().isEmpty());
    }
  }
}
