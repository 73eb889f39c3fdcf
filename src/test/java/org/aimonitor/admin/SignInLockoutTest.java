package org.aimonitor.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.aimonitor.LogCapture;
import org.aimonitor.TestApp;
import org.aimonitor.TestClock;
import org.aimonitor.config.Limits;
import org.aimonitor.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeated wrong admin tokens from one address (issue 26, row 4): after the limit the address is
 * locked out for a while, whatever it sends, on the web sign-in and the Bearer API alike, and the
 * log says so in a few lines rather than one a try.
 */
class SignInLockoutTest {

  static final String TOKEN = AdminApiTest.TOKEN;

  @TempDir
  Path dir;

  private static HttpResponse<String> signIn(TestApp app, String token) {
    return app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/login")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build());
  }

  @Test
  void anAddressThatSendsTooManyWrongTokensIsLockedOutAndLoggedInAggregate() throws Exception {
    try (LogCapture log = new LogCapture();
        TestApp app = TestApp.start(dir, Map.of(Settings.ADMIN_TOKEN.name(), TOKEN,
            Limits.SIGN_IN_ATTEMPTS.name(), "3", Limits.SIGN_IN_LOCKOUT_MINUTES.name(), "5"))) {
      int before = lines(log.text());
      for (int i = 0; i < 3; i++) {
        assertEquals(401, signIn(app, "wrong-token-number-" + i).statusCode());
      }
      // Locked: even the right token is not checked, and the answer says for how long.
      HttpResponse<String> locked = signIn(app, TOKEN);
      assertEquals(429, locked.statusCode());
      long retry = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
      assertTrue(retry > 240 && retry <= 300, "Retry-After " + retry);
      assertTrue(locked.body().contains("sign-in is locked for 5 more minute(s)"), locked.body());
      HttpResponse<String> api = AdminApiTest.postCsv(app, "?dry_run=true",
          AdminApiTest.OBS + AdminApiTest.NEW_ROW);
      assertEquals(429, api.statusCode(), api.body());
      assertTrue(api.headers().firstValue("Retry-After").isPresent());
      assertEquals(429, AdminApiTest.json(api).get("status").asInt());
      // A flood during the lockout adds no line per try.
      for (int i = 0; i < 200; i++) {
        signIn(app, "wrong-token-flood-" + i);
      }
      String logged = log.text();
      int added = lines(logged) - before;
      assertTrue(added <= 4, "the flood logged " + added + " lines:\n" + logged);
      assertTrue(logged.contains("Admin sign-in locked for 127.0.0.1 for 5 minutes after 3 wrong tokens"), logged);
    }
  }

  @Test
  void theLockoutEndsAfterItsTimeAndARightTokenClearsTheCount() {
    TestClock clock = new TestClock(Instant.parse("2026-12-07T09:00:00Z"));
    SignInThrottle throttle = new SignInThrottle(3, Duration.ofMinutes(15), clock);
    throttle.failed("10.0.0.1");
    throttle.failed("10.0.0.1");
    throttle.succeeded("10.0.0.1");
    throttle.failed("10.0.0.1");
    throttle.failed("10.0.0.1");
    assertTrue(throttle.refused("10.0.0.1").isEmpty(), "a right token started the count again");
    throttle.failed("10.0.0.1");
    assertEquals(15 * 60, throttle.refused("10.0.0.1").orElseThrow());
    assertTrue(throttle.refused("10.0.0.2").isEmpty(), "another address is not affected");
    clock.advance(Duration.ofMinutes(15));
    assertTrue(throttle.refused("10.0.0.1").isEmpty(), "the lockout has ended");
  }

  @Test
  void anIpv6AddressCountsByItsSlash64Network() {
    assertEquals("2001:db8:1:2::/64", SignInThrottle.key("2001:db8:1:2:aaaa::1"));
    assertEquals(SignInThrottle.key("2001:db8:1:2::5"), SignInThrottle.key("[2001:db8:1:2:ffff:ffff:ffff:ffff]"));
    assertEquals("192.0.2.7", SignInThrottle.key("192.0.2.7"));
  }

  private static int lines(String text) {
    return (int) text.chars().filter(c -> c == '\n').count();
  }
}
