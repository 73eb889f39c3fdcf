package org.aimonitor.admin;

import static org.aimonitor.admin.AdminApiTest.NEW_ROW;
import static org.aimonitor.admin.AdminApiTest.OBS;
import static org.aimonitor.admin.AdminApiTest.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.aimonitor.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A member of staff in a real browser: sign in, choose a file, check the preview, confirm. */
class AdminBrowserTest {

  private static TestApp app;
  private static ChromeDriver driver;
  private static Path upload;

  @BeforeAll
  static void start(@TempDir Path dir) throws IOException {
    app = TestApp.start(Files.createDirectories(dir.resolve("app")), TOKEN);
    upload = Files.writeString(dir.resolve("observations-2019.csv"), OBS + NEW_ROW);
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1280,1200",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  private static void waitForHeading(String text) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBe(By.tagName("h1"), text));
  }

  @Test
  void staffSignInUploadACsvCheckThePreviewAndConfirm() {
    driver.get(app.url("/admin/import"));
    waitForHeading("Staff sign-in");
    driver.findElement(By.name("token")).sendKeys(TOKEN);
    driver.findElement(By.cssSelector("form[action='/admin/login'] button")).click();
    waitForHeading("Import data");
    Object cookies = ((JavascriptExecutor) driver).executeScript("return document.cookie;");
    assertFalse(String.valueOf(cookies).contains("aim_admin"), "scripts cannot read the session cookie");

    driver.findElement(By.id("files")).sendKeys(upload.toString());
    driver.findElement(By.cssSelector("form[action='/admin/import/preview'] button")).click();
    waitForHeading("Check the import");
    assertTrue(driver.findElement(By.className("admin-summary")).getText().contains("1 added, 0 changed"));
    assertEquals("observations-2019.csv:2",
        driver.findElement(By.cssSelector("table.import-changes tbody td")).getText());

    driver.findElement(By.cssSelector("form[action='/admin/import/apply'] button")).click();
    waitForHeading("Import applied");
    driver.findElement(By.linkText("import log")).click();
    waitForHeading("Import log");
    String newest = driver.findElement(By.cssSelector("table.import-log tbody tr")).getText();
    assertTrue(newest.contains("admin token (web)") && newest.contains("observations-2019.csv"), newest);
  }
}
