package cn.jinjiang.aitraining.support;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: never a browser download.
 * Paths can be overridden with -Dchromium.binary and -Dchromedriver.binary.
 */
public final class Browser implements AutoCloseable {
    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser start(Path profile, Path downloads) {
        String chromium = System.getProperty("chromium.binary", "/usr/bin/chromium");
        String chromedriver = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1366,768");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .withEnvironment(Map.of("FONTCONFIG_FILE", fontConfig(profile).toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    /**
     * The system's fonts plus the CJK font the jar bundles (for its link-preview picture), so pages,
     * screenshots and printed PDFs show Chinese on a machine without CJK fonts, as CI's is.
     */
    private static Path fontConfig(Path profile) {
        try {
            Path fonts = Path.of("src/main/resources/fonts").toAbsolutePath();
            Path conf = profile.toAbsolutePath().resolveSibling("fonts.conf");
            java.nio.file.Files.writeString(conf, """
                    <?xml version="1.0"?>
                    <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                    <fontconfig>
                      <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                      <dir>%s</dir>
                      <cachedir>%s</cachedir>
                    </fontconfig>
                    """.formatted(fonts, profile.toAbsolutePath().resolveSibling("fontconfig-cache")));
            return conf;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() { return driver; }

    /** Waits up to 20 s for {@code condition}, as every browser test waits for a page to change. */
    public void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20)).until(condition::apply);
    }

    /**
     * Opens {@code adminUrl} (an admin page), is sent to the sign-in form, signs in there as a person
     * would and waits for the admin home.
     */
    public void signIn(String adminUrl, String username, String password) {
        driver.get(adminUrl);
        waitFor(d -> d.getCurrentUrl().contains("/admin/login"));
        driver.findElement(org.openqa.selenium.By.name("username")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.name("password")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.id("login-submit")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/admin"));
    }

    public void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Console messages at SEVERE level since the last call (errors, failed loads, CSP refusals). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Saves a full-page screenshot under target/screenshots, for people to look at. */
    public void screenshot(String name) {
        try {
            Long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
            Dimension before = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 6000)));
            Path dir = Path.of("target/screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            driver.manage().window().setSize(before);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
