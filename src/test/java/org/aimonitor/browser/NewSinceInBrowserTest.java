package org.aimonitor.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.aimonitor.TestApp;
import org.aimonitor.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * "New since your last visit" in Chromium, as a reader uses it: turned on and off from the
 * keyboard, marks that axe finds no serious fault with (light and dark, desktop and phone), and
 * no page that scrolls sideways with its marks on a 320 px phone.
 */
class NewSinceInBrowserTest {

  @RegisterExtension
  static final BrowserSession session = new BrowserSession().reducedMotion();
  final TestApp app = session.app();
  final Browser browser = session.browser();

  static final String INDICATOR = "/indicators/ai_core_industry_scale";

  /** Focuses a button of the box and presses Enter, as a keyboard user does. */
  void press(String action) {
    WebElement button = browser.driver().findElement(By.cssSelector(".new-since button[value=" + action + "]"));
    browser.js("arguments[0].focus();", button);
    assertEquals(button, browser.driver().switchTo().activeElement());
    button.sendKeys(Keys.ENTER);
    // The form posts and comes back to the page: wait for the new page, not the old one.
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
        .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button));
    browser.waitFor("return document.readyState === 'complete' && !!document.querySelector('.new-since');");
  }

  @Test
  void aReaderTurnsMarkingOnSeesWhatANewImportChangedAndTurnsItOffFromTheKeyboard() {
    browser.viewport(PageChecks.DESKTOP, 900);
    browser.open(app.url(INDICATOR));
    assertNull(browser.driver().manage().getCookieNamed("aim_seen"));
    press("on");
    assertTrue(browser.driver().getCurrentUrl().endsWith(INDICATOR), browser.driver().getCurrentUrl());
    Cookie cookie = browser.driver().manage().getCookieNamed("aim_seen");
    assertNotNull(cookie);
    assertTrue(cookie.isHttpOnly());
    assertEquals("Lax", cookie.getSameSite());

    TestData.importCsv(app.db(), "revision.csv", TestData.OBSERVATIONS_HEADER + """
        ai_core_industry_scale,CN,2024,950,approx,yicai-2025-09-24,0,Revised in a browser test.
        ai_core_industry_scale,CN,1990,1,reported,ecns-2026-03-05,1,Added in a browser test (not a real figure).
        """);
    Axe axe = Axe.load();
    for (String path : List.of("/", INDICATOR, "/updates", "/updates/2", INDICATOR + "?lang=zh")) {
      // Light on a desktop, dark on a phone: the marks' colours and layout in both.
      for (Map.Entry<Integer, Map<String, String>> look : List.of(
          Map.entry(PageChecks.DESKTOP, Map.<String, String>of()),
          Map.entry(PageChecks.PHONE, AccessibilityInBrowserTest.DARK))) {
        browser.emulateMedia(null, look.getValue());
        browser.viewport(look.getKey(), 900);
        browser.open(app.url(path));
        assertEquals("", String.join("\n", axe.seriousViolations(browser)),
            "axe on " + path + " with marks at " + look.getKey() + " px " + look.getValue());
      }
      browser.emulateMedia(null, Map.of());
      browser.viewport(AccessibilityInBrowserTest.NARROWEST, 900);
      browser.open(app.url(path));
      assertEquals(List.of(), browser.js(PageChecks.SIDEWAYS_OVERFLOW, AccessibilityInBrowserTest.NARROWEST),
          path + " with marks at 320 px");
    }
    browser.driver().manage().deleteCookieNamed("lang");

    browser.viewport(PageChecks.DESKTOP, 900);
    browser.open(app.url(INDICATOR));
    assertEquals(2, browser.driver().findElements(By.cssSelector("tr[data-mark] .mark")).size());
    press("turn-off");
    assertNull(browser.driver().manage().getCookieNamed("aim_seen"), "the cookie is gone");
    assertEquals(0, browser.driver().findElements(By.cssSelector("tr[data-mark]")).size());
    assertNotNull(browser.driver().findElement(By.cssSelector(".new-since button[value=on]")));
  }
}
