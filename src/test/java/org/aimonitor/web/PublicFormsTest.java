package org.aimonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.aimonitor.LogCapture;
import org.aimonitor.AppExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Public forms bound their bodies (issue 26, row 9): 413 or 400, never a 500 or a trace. */
class PublicFormsTest {

  @RegisterExtension
  static final AppExtension app = AppExtension.shared();

  private static HttpResponse<String> post(String type, String body) {
    return app.send(HttpRequest.newBuilder(URI.create(app.url("/updates/marks")))
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  @Test
  void aLargeMultipartFieldIsRefusedWith413AndNoTrace() {
    try (LogCapture log = new LogCapture()) {
      String boundary = "b0undary";
      String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\n"
          + "x".repeat(4_900_000) + "\r\n--" + boundary + "--\r\n";
      HttpResponse<String> r = post("multipart/form-data; boundary=" + boundary, body);
      assertEquals(413, r.statusCode());
      assertTrue(r.body().contains("at most 16 KB"), r.body());
      assertFalse(log.text().contains("ERROR"), log.text());
    }
  }

  @Test
  void aSmallMultipartBodyIsNotAFormOfOurs() {
    String boundary = "b0undary";
    HttpResponse<String> r = post("multipart/form-data; boundary=" + boundary, "--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\non\r\n--" + boundary + "--\r\n");
    assertEquals(400, r.statusCode());
  }

  @Test
  void aLargeOrdinaryFormIsRefusedToo() {
    assertEquals(413, post("application/x-www-form-urlencoded", "action=on&back=" + "a".repeat(20_000)).statusCode());
    assertEquals(303, post("application/x-www-form-urlencoded", "action=on&back=/updates").statusCode());
  }
}
