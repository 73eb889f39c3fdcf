package org.aimonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;
import org.aimonitor.AppExtension;
import org.aimonitor.store.Keyset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A cursor is valid only on the list that gave it out (issue 26): one of another list, or one
 * of the right arity with other values or types, is refused with 400 (docs/api.md).
 */
class CursorCheckTest {

  @RegisterExtension
  static final AppExtension app = AppExtension.shared();

  private static String cursor(String path) throws Exception {
    JsonNode json = new ObjectMapper().readTree(app.get(path).body());
    String next = json.get("next").asText();
    return next.substring(next.indexOf("cursor=") + "cursor=".length());
  }

  @Test
  void aCursorFollowsItsOwnListAndAnyPageSize() throws Exception {
    String c = cursor("/api/v1/sources?limit=2");
    assertEquals(200, app.get("/api/v1/sources?limit=2&cursor=" + c).statusCode());
    assertEquals(200, app.get("/api/v1/sources?limit=5&cursor=" + c).statusCode());
  }

  @Test
  void aCursorOfAnotherListIsRefused() throws Exception {
    String sources = cursor("/api/v1/sources?limit=2");
    assertEquals(400, app.get("/api/v1/regions?limit=2&cursor=" + sources).statusCode());
    String cn = cursor("/api/v1/regions?parent=CN&limit=2");
    assertEquals(400, app.get("/api/v1/regions?limit=2&cursor=" + cn).statusCode(),
        "the same order, another filter: another list");
  }

  @Test
  void aCursorOfTheRightArityButOtherTypesOrValuesIsRefused() {
    for (List<Object> forged : List.of(List.<Object>of("x"), List.<Object>of(1), List.<Object>of(99_999))) {
      String bare = Keyset.encode(forged);
      assertEquals(400, app.get("/api/v1/sources?cursor=" + bare).statusCode(), forged.toString());
      assertEquals(400, app.get("/api/v1/sources?cursor=" + bare + ".AAAAAAAAAAAA").statusCode());
    }
    String page = app.get("/api/v1/sources?cursor=" + Base64.getUrlEncoder().encodeToString("[1]".getBytes())).body();
    assertTrue(page.contains("is not a cursor this list gave out"), page);
  }
}
