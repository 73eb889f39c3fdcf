package org.aimonitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.aimonitor.json.Json;

/**
 * An Atom document read by Debian's python3-feedparser, the parser most feed readers' authors
 * test against: whether it found the document well-formed ({@code bozo} false), its version,
 * and the feed's and entries' fields as feedparser gives them (JSON).
 */
public final class Feedparser {

  private static final String SCRIPT = """
      import sys, json, feedparser
      d = feedparser.parse(sys.stdin.buffer.read())
      print(json.dumps({
          "bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version,
          "title": d.feed.get("title"), "id": d.feed.get("id"), "language": d.feed.get("language"),
          "links": [{"rel": l.get("rel"), "href": l.get("href")} for l in d.feed.get("links", [])],
          "entries": [{"id": e.get("id"), "title": e.get("title"), "link": e.get("link"),
                       "summary": e.get("summary"), "updated": e.get("updated"),
                       "content": " ".join(c.value for c in e.get("content", []))}
                      for e in d.entries]}))
      """;

  private Feedparser() {
  }

  /** The feed as feedparser read it; fails the test when feedparser found it ill-formed. */
  public static JsonNode parse(String atom) throws Exception {
    Process p = new ProcessBuilder("/usr/bin/python3", "-c", SCRIPT).start();
    try (var in = p.getOutputStream()) {
      in.write(atom.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "feedparser ran: " + err);
    JsonNode d = Json.MAPPER.readTree(out);
    assertEquals(false, d.get("bozo").asBoolean(), "well-formed for feedparser: " + d.get("error") + "\n" + atom);
    assertEquals("atom10", d.get("version").asText(), atom);
    return d;
  }
}
