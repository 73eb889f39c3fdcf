package org.aimonitor.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aimonitor.AppExtension;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /api/v1/regions} and {@code /api/v1/regions/{code}} (and their {@code .json} twins):
 * every place and every figure of a place once when the cursors are followed, in the pages'
 * order, with the fields docs/api.md lists; refusals in JSON.
 */
class RegionApiTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final AppExtension app = AppExtension.shared();

  static JsonNode get(String path) throws Exception {
    HttpResponse<String> r = app.get(path);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    assertEquals("application/json;charset=utf-8",
        r.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
    return JSON.readTree(r.body());
  }

  /** Follows {@code next} from {@code first}, collecting {@code field} of each item of {@code list}. */
  static List<String> walk(String first, String list, String field) throws Exception {
    List<String> items = new ArrayList<>();
    Set<String> cursors = new HashSet<>();
    String next = first;
    while (next != null) {
      JsonNode doc = get(next);
      doc.get(list).forEach(n -> items.add(field.isEmpty() ? n.toString() : n.get(field).asText()));
      next = doc.get("next").isNull() ? null : doc.get("next").asText();
      assertTrue(next == null || cursors.add(next), "no cursor repeats");
    }
    return items;
  }

  @Test
  void walkingTheListOfPlacesVisitsEveryKnownPlaceOnceInOrder() throws Exception {
    JsonNode all = get("/api/v1/regions?limit=1000");
    assertTrue(all.get("next").isNull());
    List<String> codes = new ArrayList<>();
    all.get("regions").forEach(r -> codes.add(r.get("code").asText()));
    assertEquals(26, codes.size(), "every row of regions.csv, with figures or not");
    assertEquals(List.of("CN", "CN-GC", "WORLD", "US", "CN-BJ"), codes.subList(0, 5), "in regions.csv order");
    assertEquals(codes, walk("/api/v1/regions?limit=4", "regions", "code"));
    JsonNode gd = all.get("regions").get(codes.indexOf("CN-GD"));
    assertEquals("Guangdong", gd.get("name").asText());
    assertEquals("广东省", gd.get("name_zh").asText());
    assertEquals("CN", gd.get("parent").asText());
    assertEquals("province", gd.get("level").asText());
    assertEquals(16, gd.get("figures").asInt());
    assertEquals(8, gd.get("indicators").asInt());
    assertEquals(2, gd.get("children").asInt());
    JsonNode sn = all.get("regions").get(codes.indexOf("CN-SN"));
    assertEquals(0, sn.get("figures").asInt());
    assertEquals(1, sn.get("children").asInt(), "Xi'an");
    assertTrue(all.get("regions").get(codes.indexOf("WORLD")).get("parent").isNull());
  }

  @Test
  void theListTakesALevelAndAParent() throws Exception {
    List<String> cities = new ArrayList<>();
    get("/api/v1/regions?level=city").get("regions").forEach(r -> cities.add(r.get("code").asText()));
    assertEquals(8, cities.size());
    assertTrue(cities.stream().allMatch(c -> c.matches("CN-[A-Z]{2}-[A-Z]{2}")), cities::toString);
    List<String> gd = new ArrayList<>();
    get("/api/v1/regions?parent=CN-GD&limit=1").get("regions").forEach(r -> gd.add(r.get("code").asText()));
    assertEquals(List.of("CN-GD-SZ"), gd);
    assertEquals(List.of("CN-GD-SZ", "CN-GD-GZ"), walk("/api/v1/regions?parent=CN-GD&limit=1", "regions", "code"));
    assertTrue(get("/api/v1/regions?parent=CN-GD&limit=1").get("next").asText()
        .startsWith("/api/v1/regions?parent=CN-GD&limit=1&cursor="));
  }

  @Test
  void walkingAPlaceVisitsEachOfItsFiguresOnceInThePagesOrder() throws Exception {
    JsonNode whole = get("/api/v1/regions/CN-GD?limit=1000");
    assertEquals("CN-GD", whole.at("/region/code").asText());
    assertEquals(16, whole.get("total").asInt());
    assertEquals(16, whole.get("observations").size());
    List<String> keys = new ArrayList<>();
    whole.get("observations").forEach(o -> keys.add(o.get("indicator").asText() + " " + o.get("period").asText()
        + " " + o.at("/source/id").asText()));
    List<String> walked = new ArrayList<>();
    for (String item : walk("/api/v1/regions/CN-GD?limit=3", "observations", "")) {
      JsonNode o = JSON.readTree(item);
      walked.add(o.get("indicator").asText() + " " + o.get("period").asText() + " " + o.at("/source/id").asText());
    }
    assertEquals(keys, walked);
    List<String> onPage = new ArrayList<>();
    Jsoup.parse(app.get("/regions/CN-GD").body()).select("tbody.obs-group").forEach(g ->
        g.select("tr.obs").forEach(tr -> onPage.add(g.attr("data-indicator"))));
    assertEquals(onPage, keys.stream().map(k -> k.split(" ")[0]).toList(), "the page's order");
    JsonNode first = whole.get("observations").get(0);
    for (String field : List.of("indicator", "unit", "region", "period", "period_label", "value", "qualifier",
        "headline", "note", "note_zh", "figure", "source", "recorded_at", "import_id", "revisions")) {
      assertTrue(first.has(field), field);
    }
    assertEquals("≈ +25 %", first.get("figure").asText(), "growth sorts before scale");
    assertEquals(whole, get("/regions/CN-GD.json?limit=1000"), "the .json twin is the API document");
    assertEquals(get("/api/v1/regions?limit=1000"), get("/regions.json?limit=1000"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/regions?level=town", "/api/v1/regions?parent=CN-XX",
      "/api/v1/regions?limit=0", "/api/v1/regions?cursor=nope", "/api/v1/regions/CN-GD?limit=1001",
      "/api/v1/regions/CN-GD?cursor=WzFd"})
  void badParametersAre400InJson(String path) throws Exception {
    HttpResponse<String> r = app.get(path);
    assertEquals(400, r.statusCode(), path);
    assertEquals(400, JSON.readTree(r.body()).get("status").asInt());
  }

  @Test
  void anUnknownPlaceIs404InJson() throws Exception {
    for (String path : List.of("/api/v1/regions/CN-XX", "/regions/CN-XX.json")) {
      HttpResponse<String> r = app.get(path);
      assertEquals(404, r.statusCode(), path);
      assertEquals("There is no place \"CN-XX\". The list of places is at /regions.",
          JSON.readTree(r.body()).get("message").asText());
    }
  }
}
