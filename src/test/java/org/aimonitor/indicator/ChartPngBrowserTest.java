package org.aimonitor.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.aimonitor.TestApp;
import org.aimonitor.browser.BrowserSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chart PNG export in a real browser: a button per chart, an opaque white image at least
 * twice the chart's size on screen, with room for title, unit, key and credit.
 */
class ChartPngBrowserTest {

  @RegisterExtension
  static final BrowserSession session = new BrowserSession().windowSize(1280, 1600).savingDownloads();
  final TestApp app = session.app();
  final ChromeDriver driver = session.browser().driver();
  final Path downloads = session.downloads();

  private WebElement openAndWaitForPngButton(String path) {
    driver.get(app.url(path));
    return new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#chart-indicator-figure .chart__png")));
  }

  @Test
  void chartExportsAsAnOpaquePngOnWhiteWithRoomForTitleAndCredit() throws IOException {
    openAndWaitForPngButton("/indicators/ai_core_industry_scale");
    String dataUrl = (String) ((JavascriptExecutor) driver)
        .executeScript("return window.aimChartPng('chart-indicator');");
    assertTrue(dataUrl.startsWith("data:image/png;base64,"), dataUrl.substring(0, 40));
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(
        Base64.getDecoder().decode(dataUrl.substring("data:image/png;base64,".length()))));
    long cssWidth = (Long) ((JavascriptExecutor) driver)
        .executeScript("return document.getElementById('chart-indicator').clientWidth;");
    long cssHeight = (Long) ((JavascriptExecutor) driver)
        .executeScript("return document.getElementById('chart-indicator').clientHeight;");
    assertTrue(png.getWidth() >= 2 * cssWidth && png.getHeight() > 2 * cssHeight,
        "at least twice the chart's size on screen, for slides: " + png.getWidth() + "x" + png.getHeight()
            + " for " + cssWidth + "x" + cssHeight);
    long after = (Long) ((JavascriptExecutor) driver)
        .executeScript("return document.getElementById('chart-indicator').width;");
    assertEquals(cssWidth * Math.round(((Number) ((JavascriptExecutor) driver)
        .executeScript("return window.devicePixelRatio;")).doubleValue()), after,
        "the chart on the page is back at the screen's resolution");
    for (int[] xy : List.of(new int[] {0, 0}, new int[] {png.getWidth() - 1, png.getHeight() - 1})) {
      assertEquals(0xFFFFFFFF, png.getRGB(xy[0], xy[1]), "opaque white at " + xy[0] + "," + xy[1]);
    }
    boolean ink = false;
    for (int x = 0; x < png.getWidth() && !ink; x++) {
      ink = (png.getRGB(x, png.getHeight() / 2) & 0xFFFFFF) != 0xFFFFFF;
    }
    assertTrue(ink, "the chart itself is drawn");
  }

  @Test
  void downloadButtonSavesAPngNamedAfterTheChart() throws Exception {
    openAndWaitForPngButton("/indicators/ai_enterprises?region=WORLD&lang=en").click();
    Path expected = downloads.resolve("ai-enterprises-world.png");
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Files.exists(expected));
    byte[] head = new byte[8];
    try (var in = Files.newInputStream(expected)) {
      assertEquals(8, in.readNBytes(head, 0, 8));
    }
    assertEquals("\u0089PNG", new String(head, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
    try (Stream<Path> files = Files.list(downloads)) {
      assertTrue(files.anyMatch(expected::equals));
    }
  }

  @Test
  void aChinesePageSavesAPngNamedAfterItsChineseTitle() throws Exception {
    Path expected = downloads.resolve("全球人工智能企业数量.png");
    try {
      WebElement button = openAndWaitForPngButton("/indicators/ai_enterprises?region=WORLD&lang=zh");
      assertEquals("zh-CN", driver.findElement(By.tagName("html")).getAttribute("lang"));
      assertEquals("下载PNG图片", button.getText());
      button.click();
      new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Files.exists(expected));
    } finally {
      // ?lang=zh is remembered in a cookie; the other tests read the pages in English.
      driver.manage().deleteCookieNamed("lang");
    }
    byte[] head = new byte[8];
    try (var in = Files.newInputStream(expected)) {
      assertEquals(8, in.readNBytes(head, 0, 8));
    }
    assertEquals("\u0089PNG", new String(head, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  @Test
  void everyOverviewChartGetsItsOwnPngButton() {
    driver.get(app.url("/"));
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> d.findElements(By.cssSelector(".chart__png")).size() == 4);
    assertEquals(4, driver.findElements(By.cssSelector("canvas[id^=chart-]")).size());
  }
}
