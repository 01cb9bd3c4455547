package jp.smb.incident.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driving the real Camunda webapps the way a person does: log in, start a process from its
 * start form, open a task, claim it, fill the Camunda Form, complete it. Every step leaves a screenshot.
 */
class Tasklist implements AutoCloseable {

  static final String CHROMIUM = System.getProperty("incident.e2e.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("incident.e2e.chromedriver", "/usr/bin/chromedriver");

  private final WebDriver driver;
  /** Taps a person would make for what this browser did: one per click, field tapped into, choice. */
  private int taps;
  private final WebDriverWait wait;
  private final String baseUrl;
  private final Path screenshots;
  private int shot;

  Tasklist(int port, Path screenshots) {
    this(port, screenshots, false);
  }

  /** @param phone a 390 × 844 touch screen (Chromium's device emulation) instead of a desktop window */
  Tasklist(int port, Path screenshots, boolean phone) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        phone ? "--window-size=390,844" : "--window-size=1400,1100", "--lang=ja-JP");
    if (phone) {
      options.setExperimentalOption("mobileEmulation", java.util.Map.of(
          "deviceMetrics", java.util.Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "touch", true),
          "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
              + " Chrome/131.0 Mobile Safari/537.36"));
    }
    // A Japanese browser: the webapps choose their language from what the browser accepts.
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "ja-JP,ja"));
    // The driver from Debian's chromium-driver: nothing is downloaded at run time.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    this.baseUrl = "http://localhost:" + port + "/camunda/app/";
    this.screenshots = screenshots;
    try {
      Files.createDirectories(screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Logs in on the login page already shown, e.g. the one an alert's link led to, without leaving it. */
  Tasklist loginHere(String user, String password) {
    taps += 3; // the name, the password, the button
    WebElement name = wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    settle();
    name.sendKeys(user);
    driver.findElement(By.cssSelector("input[type='password']")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type='password']")));
    return this;
  }

  /** Opens a link from outside (an alert's), as a new page load. */
  Tasklist openLink(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  /** Waits until the open task's form is shown. */
  Tasklist awaitTask(String taskName) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h2.task"), taskName));
    awaitClaimed();
    waitForForm();
    return this;
  }

  /** The name of the task that opens by itself after {@code previous}, once it has. */
  String nextTaskName(String previous) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
          List<WebElement> names = driver.findElements(By.cssSelector("h2.task"));
          String name = names.isEmpty() ? "" : names.get(0).getText().trim();
          return name.isEmpty() || name.equals(previous) ? null : name;
        });
  }

  /** A task offered to one of the person's groups is claimed as it opens (scripts/phone.js). */
  private void awaitClaimed() {
    // The task's header is drawn again as the claim lands: a button found a moment ago may be gone.
    new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(driver -> driver.findElements(By.cssSelector("button[ng-click='claim()']")).stream()
            .noneMatch(WebElement::isDisplayed));
  }

  /**
   * Logs in on a fresh session. A login posted while the freshly loaded page is still fetching its CSRF token is
   * refused, and a page reloaded while the previous one still loads may come up without its form, so either is
   * retried on a reloaded page, as a person would.
   */
  Tasklist login(String app, String user, String password) {
    for (int attempt = 1; ; attempt++) {
      try {
        driver.get(baseUrl + app + "/default/");
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + app + "/default/#/login");
        driver.navigate().refresh();
        WebElement name = wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        settle();
        name.sendKeys(user);
        driver.findElement(By.cssSelector("input[type='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(8))
            .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type='password']")));
        return this;
      } catch (RuntimeException e) {
        if (attempt == 3) {
          screenshot("login-failed-" + user);
          throw e;
        }
      }
    }
  }

  Tasklist startProcess(String processName) {
    // The list icon tells "Start process" from "Create task", which share the handler, in any language.
    click(By.xpath("//a[@ng-click='open()' and .//span[contains(@class,'glyphicon-list-alt')]]"));
    click(By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='" + processName + "']"));
    waitForForm();
    return this;
  }

  Tasklist submitStartForm() {
    click(By.cssSelector("button[ng-click='startProcessInstance()']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    return this;
  }

  List<String> taskNames() {
    settle();
    return driver.findElements(By.cssSelector("li.task h4.task a")).stream()
        .map(WebElement::getText).map(String::trim).toList();
  }

  Tasklist openTask(String taskName) {
    By link = By.xpath("//li[contains(@class,'task')]//h4//a[contains(normalize-space(), '" + taskName + "')]");
    // The list is a filter's query: a task created a moment ago may need another refresh to show.
    for (int attempt = 1; ; attempt++) {
      driver.navigate().refresh();
      try {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(link));
        break;
      } catch (org.openqa.selenium.TimeoutException e) {
        if (attempt == 3) {
          screenshot("task-not-listed");
          throw e;
        }
      }
    }
    click(link);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h2.task"), taskName));
    awaitClaimed();
    waitForForm();
    return this;
  }

  Tasklist type(String key, String text) {
    taps++; // the tap into the field; the keyboard's keys are not counted
    WebElement field = field(key);
    field.clear();
    field.sendKeys(text);
    return this;
  }

  Tasklist check(String key) {
    taps++;
    WebElement box = field(key);
    if (!box.isSelected()) {
      box.click();
    }
    return this;
  }

  Tasklist choose(String key, String option) {
    taps += 2; // open the list, pick the option
    WebElement display = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("[id$='-Field_" + key + "-display']")));
    // Room below for the list, which would otherwise open under the next field.
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", display);
    display.click();
    WebElement item = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + option + "']")));
    new Actions(driver).moveToElement(item).click().perform();
    return this;
  }

  /** The date and time parts of a form-js datetime field, typed as a person types them. */
  Tasklist dateTime(String key, String date, String time) {
    WebElement day = field(key + "-date");
    day.sendKeys(date);
    day.sendKeys(Keys.ENTER);
    WebElement clock = field(key + "-time");
    clock.sendKeys(time);
    clock.sendKeys(Keys.TAB);
    return this;
  }

  /** Opens a page of the application outside the webapps, with the same login. */
  String openPage(String absolutePath) {
    driver.get(baseUrl.replace("/camunda/app/", "") + absolutePath);
    settle();
    return pageText();
  }

  Tasklist radio(String key, int index) {
    click(By.cssSelector("[id$='-Field_" + key + "-" + index + "']"));
    return this;
  }

  Tasklist complete() {
    click(By.cssSelector("button[ng-click='complete()']"));
    return this;
  }

  /** Completes and waits until the task has left the form. */
  Tasklist completeAndWait() {
    WebElement form = driver.findElement(By.cssSelector(".fjs-form"));
    // Leaving the field hands form-js the last keystrokes at once, instead of after its typing delay.
    ((JavascriptExecutor) driver).executeScript("if (document.activeElement) { document.activeElement.blur(); }");
    for (int attempt = 1; ; attempt++) {
      complete();
      try {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(form));
        return this;
      } catch (RuntimeException e) {
        if (attempt == 2) {
          screenshot("complete-failed");
          throw e;
        }
      }
    }
  }

  List<String> fieldErrors() {
    settle();
    return driver.findElements(By.cssSelector(".fjs-form-field-error")).stream().filter(WebElement::isDisplayed)
        .map(WebElement::getText).toList();
  }

  String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  Tasklist open(String path) {
    driver.get(baseUrl + path);
    settle();
    return this;
  }

  /** Runs a script in the page and returns its result (Selenium's conversion: lists, maps, strings, numbers). */
  Object script(String javaScript, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(javaScript, arguments);
  }

  int taps() {
    return taps;
  }

  /** Taps what the CSS selector finds, once it can be tapped. */
  Tasklist tap(String css) {
    click(By.cssSelector(css));
    return this;
  }

  String pageSource() {
    return driver.getPageSource();
  }

  /** The first element matching the CSS selector, once it is shown. */
  WebElement await(String css) {
    WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    return element;
  }

  /** Screenshot of the window scrolled to one element of the page, e.g. a plugin, for the README. */
  void screenshot(String css, Path file) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", await(css));
    settle();
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void screenshot(String name) {
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    try {
      Files.write(screenshots.resolve(String.format("%02d-%s.png", ++shot, name)), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private WebElement field(String key) {
    WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("[id$='-Field_" + key + "']")));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
    return field;
  }

  private void waitForForm() {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
  }

  private void click(By by) {
    taps++;
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  /**
   * Until the page has loaded and the webapp has no request under way (AngularJS's {@code $http}): what a person
   * waits for by eye before reading or typing, instead of a fixed pause.
   */
  private void settle() {
    wait.until(page -> Boolean.TRUE.equals(((JavascriptExecutor) page).executeScript("""
        if (document.readyState !== 'complete') { return false; }
        if (!window.angular) { return true; }
        const injector = angular.element(document).injector() || angular.element(document.body).injector();
        return !injector || injector.get('$http').pendingRequests.length === 0;""")));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
