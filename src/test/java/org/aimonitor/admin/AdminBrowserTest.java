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
import org.aimonitor.browser.BrowserSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A member of staff in a real browser: sign in, choose a file, check the preview, confirm. */
class AdminBrowserTest {

  @RegisterExtension
  static final BrowserSession session = BrowserSession.withAdminToken(TOKEN).windowSize(1280, 1200);
  final TestApp app = session.app();
  final ChromeDriver driver = session.browser().driver();
  private static Path upload;

  @BeforeAll
  static void writeUpload() throws IOException {
    upload = Files.writeString(session.dir().resolve("observations-2019.csv"), OBS + NEW_ROW);
  }

  private void waitForHeading(String text) {
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
