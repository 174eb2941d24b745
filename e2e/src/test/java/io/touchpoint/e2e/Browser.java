package io.touchpoint.e2e;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's headless Chromium (Debian's chromium and chromium-driver; nothing is downloaded), with its own
 * profile so that sessions never leak between personas. It signs in on the real Keycloak login page, saves
 * screenshots as build artifacts and runs the axe-core accessibility audit in the page.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Stack.ROOT.resolve("e2e/target/screenshots");
    private static final String CHROMIUM = System.getProperty("e2e.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(int width, int height) {
        try {
            profile = Files.createTempDirectory("touchpoint-browser");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // As build-facts.md says: headless as root, and no background calls to a network this machine does not have.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--disable-quic", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /** A 10-inch tablet in landscape. */
    static Browser tablet() {
        return new Browser(1280, 800);
    }

    static Browser laptop() {
        return new Browser(1280, 900);
    }

    /** A phone-width window (the portal must work there). */
    static Browser phone() {
        return new Browser(390, 844);
    }

    static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER));
    }

    static String gateway(String path) {
        return "http://127.0.0.1:" + Stack.GATEWAY + path;
    }

    /** Opens a page of ours; when it asks for sign-in, signs in on Keycloak's own login form. */
    Browser open(String path, String username) {
        driver.get(gateway(path));
        if (driver.getCurrentUrl().startsWith("http://127.0.0.1:" + Stack.KEYCLOAK + "/")) {
            waitFor(By.id("username"));
            assertThat(driver.getCurrentUrl()).as("the login goes through the authorization code flow with PKCE")
                    .contains("response_type=code").contains("code_challenge_method=S256");
            driver.findElement(By.id("username")).sendKeys(username);
            driver.findElement(By.id("password")).sendKeys(Stack.PASSWORD);
            driver.findElement(By.id("kc-login")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> d.getCurrentUrl().startsWith(gateway("/")));
        }
        return this;
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement one(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    void type(String css, String text) {
        WebElement field = one(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Submits the form a button belongs to and waits for the next page. */
    void submit(String buttonCss) {
        WebElement button = one(buttonCss);
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> gone(button));
    }

    /** Whether the page an element was on has been replaced (ChromeDriver says so in more than one way). */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            return true;
        }
    }

    String text() {
        return one("main").getText();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            // The whole page, not only the window: set the window to the document's height first.
            Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            Dimension size = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(size.width, Math.min(Math.max(height.intValue() + 120, size.height), 6000)));
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            driver.manage().window().setSize(size);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core's WCAG 2.1 A and AA rules on the page as it is now: the violations, as "rule (impact): targets" lines. */
    List<String> accessibilityViolations() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        assertThat(results.getPasses()).as("the audit ran its rules on this page").isNotEmpty();
        return results.getViolations().stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).limit(5).toList())
                .toList();
    }

    /**
     * What the page loads, or asks to load, from anywhere else (rule 11): every resource it fetched, and every
     * script, stylesheet, image, frame, font or form target its markup names, which the CSP would block before
     * any fetch shows up. Links a person may follow (to Keycloak's sign-out, say) are not loads.
     */
    @SuppressWarnings("unchecked")
    List<String> foreignResources() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const loaded = performance.getEntriesByType('resource').map(e => e.name);
                const named = [...document.querySelectorAll('script[src], link[href], img[src], iframe[src], source[src], '
                        + 'video[src], audio[src], embed[src], object[data], form[action]')]
                    .map(e => e.getAttribute('src') || e.getAttribute('href') || e.getAttribute('data') || e.getAttribute('action'));
                const styled = [...document.styleSheets].flatMap(s => [...s.cssRules].map(r => r.cssText))
                    .flatMap(t => [...t.matchAll(/url\\(["']?([^"')]+)/g)].map(m => m[1]));
                return [...loaded, ...named, ...styled].filter(u => new URL(u, location.href).origin !== location.origin);""");
    }

    /** Fetches a same-origin URL as this page would (its cookies), returning status and body. */
    @SuppressWarnings("unchecked")
    Map<String, Object> fetch(String path) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.text().then(t => done({status: r.status, type: r.headers.get('content-type'),
                    disposition: r.headers.get('content-disposition'), body: t})))
                  .catch(e => done({status: -1, body: String(e)}));""", path);
    }

    /** A form post from the page itself (same origin), as its own forms would send it. */
    @SuppressWarnings("unchecked")
    Map<String, Object> post(String path, String... fields) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const body = new URLSearchParams();
                for (let i = 0; i < arguments[1].length; i += 2) body.append(arguments[1][i], arguments[1][i + 1]);
                fetch(arguments[0], {method: 'POST', body: body, redirect: 'manual'})
                  .then(r => r.text().then(t => done({status: r.status, body: t})))
                  .catch(e => done({status: -1, body: String(e)}));""", path, List.of(fields));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
