package org.aimonitor.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.helper.json.JsonLexer;
import de.undercouch.citeproc.helper.json.JsonParser;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.aimonitor.AppExtension;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The citation files of an indicator view ({@code /indicators/{code}/cite.*}) cite what its page
 * shows: the same places, years and vintage, this dataset at its data version and the view's
 * permalink, and the original sources of the figures shown. Read with real parsers (jbibtex,
 * citeproc-java's CSL-JSON).
 */
class IndicatorCitationFilesTest {

  @RegisterExtension
  static final AppExtension app = AppExtension.shared();

  private static final String VIEW = "/indicators/ai_core_industry_scale";

  @Test
  void theViewsPageLinksEveryCitationFileWithItsFilter() {
    Document page = app.page(VIEW + "?region=CN&from=2020");
    List<String> files = page.select(".cite-box a[download]").eachAttr("href");
    assertEquals(List.of(VIEW + "/cite.bib?region=CN&from=2020", VIEW + "/cite.ris?region=CN&from=2020",
        VIEW + "/cite.csl.json?region=CN&from=2020", VIEW + "/cite.txt?region=CN&from=2020",
        VIEW + "/cite.gbt7714.txt?region=CN&from=2020"), files);
    for (String file : files) {
      assertEquals(200, app.get(file).statusCode(), file);
    }
  }

  @Test
  void theBibtexFileNamesTheViewTheDatasetAndTheOriginalSources() throws Exception {
    HttpResponse<String> r = app.get(VIEW + "/cite.bib?region=CN");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Disposition").orElse("")
        .contains("ai_core_industry_scale.bib"));
    BibTeXDatabase db = new BibTeXParser().parse(new StringReader(r.body()));
    BibTeXEntry e = db.resolveEntry(new Key("aim-ai_core_industry_scale"));
    assertNotNull(e, r.body());
    String title = e.getField(BibTeXEntry.KEY_TITLE).toUserString();
    assertTrue(title.contains("AI core industry scale") && title.contains("China"), title);
    assertTrue(e.getField(BibTeXEntry.KEY_URL).toUserString().endsWith(VIEW + "?region=CN"),
        e.getField(BibTeXEntry.KEY_URL).toUserString());
    // BibTeX escapes "_" and "%" in the note's links.
    String note = e.getField(new Key("note")).toUserString().replace("\\_", "_").replace("\\%", "%");
    // Every source of a figure the page shows is named as an original, by its link.
    Document page = app.page(VIEW + "?region=CN");
    List<String> shown = page.select("tr.obs a[href^=http]").eachAttr("href");
    assertFalse(shown.isEmpty(), "the page links its figures' sources");
    for (String link : shown) {
      assertTrue(note.contains(link), link + " in " + note);
    }
  }

  @Test
  void aPastViewsFilesNameItsDayInTitleAndAddress() throws Exception {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    HttpResponse<String> r = app.get(VIEW + "/cite.csl.json?as_of=" + today);
    assertEquals(200, r.statusCode(), r.body());
    List<Object> items = new JsonParser(new JsonLexer(new StringReader(r.body()))).parseArray();
    @SuppressWarnings("unchecked")
    CSLItemData item = CSLItemData.fromJson((Map<String, Object>) items.get(0));
    assertEquals("dataset", item.getType().toString().toLowerCase());
    assertTrue(item.getURL().endsWith(VIEW + "?as_of=" + today), item.getURL());
    assertTrue(item.getTitle().contains("as it stood"), item.getTitle());

    String zh = app.get(VIEW + "/cite.gbt7714.txt?vintage=first&lang=zh").body();
    assertTrue(zh.contains("[EB/OL]") && zh.contains("人工智能核心产业规模"), zh);
    assertTrue(zh.contains(VIEW + "?vintage=first"), zh);
  }

  @Test
  void anUnknownFileViewOrDayIsRefusedNotServed() {
    assertEquals(404, app.get(VIEW + "/cite.doc").statusCode());
    assertEquals(404, app.get("/indicators/no_such_indicator/cite.bib").statusCode());
    assertEquals(400, app.get(VIEW + "/cite.bib?as_of=2999-01-01").statusCode());
    assertEquals(400, app.get(VIEW + "/cite.bib?region=XX-NOPE").statusCode());
  }
}
