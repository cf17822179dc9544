package org.exdiag.http;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in headless Chromium (Debian's chromium and chromium-driver, installed by .ci/run):
 * drop an example facts file, see the root cause and the graph. Leaves a screenshot in target/.
 */
@Timeout(120)
@Tag("slow")
class WebPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path profile;

    private ApiServer server;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(present, "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        }
        assertThat(present).as("CI must have chromium and chromium-driver (.ci/run installs them)").isTrue();
        server = ApiServerTest.start(new ServerSettings("127.0.0.1", 0, null, 1 << 20, 1 << 20, Duration.ofSeconds(30), 8192, 1,
                List.of(), false), Path.of("rules"), Path.of("knowledge-base"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void droppingAFactsFileShowsTheRootCauseAndTheGraph() throws Exception {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        String facts = Files.readString(Path.of("examples/subscription-expired.json"));
        // A real drop event carrying a File, as the browser makes when a file is dropped on the zone.
        ((JavascriptExecutor) browser).executeScript(
                "const dt = new DataTransfer();"
                        + "dt.items.add(new File([arguments[0]], 'subscription-expired.json', {type: 'application/json'}));"
                        + "const zone = document.getElementById('drop');"
                        + "zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
                facts);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#graph g.node[data-code='SUBSCRIPTION_EXPIRED']")));

        assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("Problems found");
        WebElement first = browser.findElements(By.cssSelector("#warnings .warning-card")).get(0);
        assertThat(first.getAttribute("data-code")).isEqualTo("SUBSCRIPTION_EXPIRED");
        assertThat(first.getText()).contains("root cause").contains("The subscription has expired")
                .contains("Renew the Exchange service");
        assertThat(browser.findElements(By.cssSelector("#graph g.node.root"))).hasSize(1);
        List<WebElement> edges = browser.findElements(By.cssSelector("#graph path.edge[data-from='SUBSCRIPTION_EXPIRED']"));
        assertThat(edges).extracting(e -> e.getAttribute("data-to"))
                .contains("TEST_EMAIL_NOT_SENT", "TEST_EMAIL_NOT_RECEIVED", "AUTH_FAILED");
        save("web-page.png");

        // Switching language re-renders the same facts in French.
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("lang"))).selectByValue("fr");
        wait.until(ExpectedConditions.textToBe(By.id("verdict"), "Problèmes trouvés"));
        assertThat(browser.findElement(By.id("warnings")).getText()).contains("L'abonnement a expiré");
    }

    /** A healthy, a problem and an incomplete report, each in both languages; the French page holds no English. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "examples/healthy-hosted.yaml, healthy, en", "examples/healthy-hosted.yaml, healthy, fr",
        "examples/mx-pointing-elsewhere.yaml, problems, en", "examples/mx-pointing-elsewhere.yaml, problems, fr",
        "examples/dns-timeout.yaml, incomplete, en", "examples/dns-timeout.yaml, incomplete, fr"})
    void everyVerdictInBothLanguages(String example, String verdict, String language) throws Exception {
        analyzeOnThePage(example, verdict, language);
        var words = org.exdiag.TestSupport.expertise().wording(org.exdiag.knowledge.Language.parse(language));
        String expected = words.word("verdict." + verdict);
        assertThat(browser.findElement(By.id("verdict")).getText())
                .isEqualTo(Character.toUpperCase(expected.charAt(0)) + expected.substring(1));
        assertThat(browser.findElement(By.id("status")).getAttribute("class")).isNotEqualTo("error-box");
        if (verdict.equals("healthy")) {
            assertThat(browser.findElement(By.id("warnings")).getText()).isEqualTo(words.word("page.noWarning"));
        }
        if (verdict.equals("incomplete")) {
            assertThat(browser.findElement(By.id("could-not-check")).getText()).contains(words.word("page.couldNotCheck"))
                    .contains(words.value("part", "dns.mx"));
        }
        if (language.equals("fr")) {
            String page = browser.findElement(By.tagName("body")).getText();
            assertThat(new org.exdiag.knowledge.EnglishLeftovers(org.exdiag.TestSupport.expertise()).in(page)).as(page).isEmpty();
        }
        save("web-page-" + verdict + "-" + language + ".png");
    }

    /** The sending address's own checks (facts sendingIp) shown beside the bounces', in both languages. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "en, the sending address 203.0.113.45 is listed on zen.spamhaus.org, the sending address 203.0.113.45 has no reverse DNS name",
        "fr, l'adresse d'envoi 203.0.113.45 est listée sur zen.spamhaus.org, l'adresse d'envoi 203.0.113.45 n'a pas de nom en DNS inverse"})
    void theSendingAddressChecksShowInBothLanguages(String language, String listed, String noPtr) throws Exception {
        analyzeOnThePage("examples/private-exchange-new-address.yaml", "problems", language);
        assertThat(browser.findElement(By.id("warnings")).getText()).contains(listed).contains(noPtr);
    }

    /** The page in {@code language}, the example pasted and analyzed, until the verdict shows. */
    private void analyzeOnThePage(String example, String verdict, String language) throws Exception {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("lang"))).selectByValue(language);
        if (language.equals("fr")) {
            wait.until(ExpectedConditions.textToBe(By.id("analyze"), "Analyser"));
        }
        ((JavascriptExecutor) browser).executeScript("document.getElementById('facts').value = arguments[0];",
                Files.readString(Path.of(example)));
        browser.findElement(By.id("analyze")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("verdict"), "class", verdict));
    }

    /** Outlook's way in (facts client): the autodiscover attempts as Outlook's steps, in order, each with its outcome. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"en", "fr"})
    void outlooksStepsShowInOrderWithTheirOutcome(String language) throws Exception {
        analyzeOnThePage("examples/private-exchange-expired-certificate.yaml", "problems", language);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#client .client-steps .step")));
        var words = org.exdiag.TestSupport.expertise().wording(org.exdiag.knowledge.Language.parse(language));
        List<WebElement> steps = browser.findElements(By.cssSelector("#client .client-steps .step"));
        assertThat(steps).extracting(e -> e.getAttribute("data-method")).containsExactly("root-domain", "autodiscover-host",
                "http-redirect", "srv");
        assertThat(steps).extracting(e -> e.getAttribute("data-ended")).containsExactly("refused", "certificate", "refused",
                "certificate");
        assertThat(steps.get(0).getText()).contains(words.value("autodiscover-method", "root-domain"))
                .contains("https://cabinet-exemple.fr/autodiscover/autodiscover.xml").contains(words.value("autodiscover-ended", "refused"));
        assertThat(steps.get(3).getText()).contains(words.value("autodiscover-ended", "certificate"))
                .contains(words.value("tls-status", "expired")).contains("mail.cabinet-exemple.fr").contains("2026-11-01T23:59:59Z");
        assertThat(browser.findElement(By.id("client")).getText()).contains(words.word("page.clientSteps"))
                .contains(words.word("page.clientNoResult"));
        if (language.equals("fr")) {
            String page = browser.findElement(By.tagName("body")).getText();
            assertThat(new org.exdiag.knowledge.EnglishLeftovers(org.exdiag.TestSupport.expertise()).in(page)).as(page).isEmpty();
        }
        // the step Outlook takes its settings from is marked, and the EWS request follows
        ((JavascriptExecutor) browser).executeScript("document.getElementById('facts').value = arguments[0];",
                Files.readString(Path.of("examples/outlook-website-answers-autodiscover.yaml")));
        browser.findElement(By.id("analyze")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#client .step.chosen[data-method='srv']")));
        assertThat(browser.findElement(By.cssSelector("#client .step.chosen")).getText()).contains(words.word("page.clientResult"));
        assertThat(browser.findElement(By.cssSelector("#client .client-ews")).getText())
                .contains("https://ex.mail.ovh.net/EWS/Exchange.asmx").contains(words.value("auth-result", "ok"));
        save("web-page-client-" + language + ".png");
    }

    @Test
    void choosingAFileWorksToo() throws Exception {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        browser.findElement(By.id("file")).sendKeys(Path.of("examples/mx-pointing-elsewhere.yaml").toAbsolutePath().toString());
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#graph path.edge[data-from='MX_INVALID'][data-to='TEST_EMAIL_NOT_RECEIVED']")));
        assertThat(browser.findElement(By.cssSelector("#warnings .warning-card")).getAttribute("data-code")).isEqualTo("MX_INVALID");
    }

    @Test
    void whyBesideAWarningAndWhyNotForACode() throws Exception {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('facts').value = arguments[0];",
                Files.readString(Path.of("examples/mx-pointing-elsewhere.yaml")));
        browser.findElement(By.id("analyze")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#warning-MX_INVALID button.why"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#explanation .explain-rule.fired[data-rule='MX host outside the valid set']")));
        assertThat(browser.findElement(By.id("explanation")).getText()).contains("Why MX_INVALID?").contains("MxHost(preference=10, host=mail.other-host.net)");

        browser.findElement(By.cssSelector("#why-not-box summary")).click();
        browser.findElement(By.id("why-not-code")).sendKeys("spam_blocked");
        browser.findElement(By.id("ask-why-not")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("explanation"), "Why not SPAM_BLOCKED?"));
        assertThat(browser.findElements(By.cssSelector("#explanation .condition.failed"))).isNotEmpty();
        assertThat(browser.findElement(By.id("explanation")).getText()).contains("did not hold").contains("spamBlocked=false");
        save("web-page-why-not.png");
    }

    @Test
    void aPastedBounceIsExplained() throws Exception {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        browser.findElement(By.cssSelector("#bounce-box summary")).click();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('ndr').value = arguments[0];",
                Files.readString(Path.of("src/test/resources/ndr/postfix-bounce.eml")));
        browser.findElement(By.id("explain-bounce")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#warnings .warning-card[data-code='REMOTE_REJECTED_UNAUTHENTICATED']")));
        assertThat(browser.findElement(By.id("warnings")).getText()).contains("RECIPIENT_UNKNOWN").contains("smtp-in.orange.fr");
        assertThat(browser.findElement(By.id("facts")).getAttribute("value")).contains("\"bounces\"");
    }

    @Test
    void badFactsShowTheErrorWithItsField() {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        WebElement text = browser.findElement(By.id("facts"));
        text.sendKeys("version: 1\nmailbox: jane@example.com\ndns: {mx: {status: broken}}\n");
        browser.findElement(By.id("analyze")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("status"), "dns.mx.status"));
    }

    private void save(String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", name), png);
    }
}
