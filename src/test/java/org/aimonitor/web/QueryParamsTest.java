package org.aimonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.aimonitor.i18n.Text;
import org.junit.jupiter.api.Test;

/**
 * A parser's parameters are declared once, beside it: it reads only those, each at most once,
 * and only on a route that declared them, so a name cannot be read without reaching the route's
 * cache key and links.
 */
class QueryParamsTest {

  private static final QueryParams PARAMS = QueryParams.of("a", "b");

  @Test
  void aValueIsTrimmedAndABlankOneIsAbsent() {
    assertEquals("x", PARAMS.single(Map.of("a", List.of(" x ")), "a", Text.EN));
    assertNull(PARAMS.single(Map.of("a", List.of("  ")), "a", Text.EN));
    assertNull(PARAMS.single(Map.of(), "b", Text.EN));
  }

  @Test
  void aParameterGivenTwiceIsRefusedInThePagesLanguage() {
    HttpProblem en = assertThrows(HttpProblem.class,
        () -> PARAMS.single(Map.of("a", List.of("1", "2")), "a", Text.EN));
    assertEquals(400, en.status());
    assertEquals("The parameter \"a\" is given 2 times; give it once.", en.message(Text.EN));
    HttpProblem zh = assertThrows(HttpProblem.class,
        () -> PARAMS.single(Map.of("b", List.of("1", "2")), "b", Text.ZH));
    assertTrue(zh.message(Text.ZH).contains("b"), zh.message(Text.ZH));
  }

  @Test
  void aParserCannotReadANameItDidNotDeclare() {
    assertThrows(IllegalArgumentException.class,
        () -> PARAMS.single(Map.of("c", List.of("1")), "c", Text.EN));
  }

  @Test
  void theRouteTableTakesTheNamesFromTheParsersInTheirOrder() {
    assertEquals(List.of("a", "b", "page"),
        QueryParams.all(PARAMS, QueryParams.of("b", "page")).names());
  }

  /** A handler whose route forgot its parser fails at once instead of dropping the parameter. */
  @Test
  void aRouteThatDoesNotDeclareItsParsersParametersFails() throws Exception {
    KnownParams.declare("/declared", Paging.PARAMS);
    KnownParams.declare("/undeclared");
    Javalin app = Javalin.create(config -> {
      config.routes.get("/declared", ctx -> ctx.result("page " + Paging.parse(ctx, 10, Text.EN).page()));
      config.routes.get("/undeclared", ctx -> ctx.result("page " + Paging.parse(ctx, 10, Text.EN).page()));
      config.routes.exception(IllegalStateException.class,
          (e, ctx) -> ctx.status(500).result(e.getMessage()));
    }).start("127.0.0.1", 0);
    try {
      HttpClient client = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + app.port();
      HttpResponse<String> declared = client.send(
          HttpRequest.newBuilder(URI.create(base + "/declared?page=2")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals("page 2", declared.body());
      HttpResponse<String> undeclared = client.send(
          HttpRequest.newBuilder(URI.create(base + "/undeclared?page=2")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(500, undeclared.statusCode());
      assertTrue(undeclared.body().contains("/undeclared") && undeclared.body().contains("page"),
          undeclared.body());
    } finally {
      app.stop();
    }
  }
}
