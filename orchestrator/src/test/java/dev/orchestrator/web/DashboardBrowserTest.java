package dev.orchestrator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.cli.Main;
import dev.orchestrator.testing.PipelineDaemon;
import dev.orchestrator.testing.TestBroker;
import dev.orchestrator.testing.TestBrokers;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Debian's headless Chromium (through its chromedriver; CI installs both): it loads, shows every
 * process and the pipeline graph with its arrow, a click on stop turns the process STOPPED in the table and in
 * {@code orchestrator status}, the tail view shows the log, the table view lists the engines, the page's layout
 * keeps 100 engines apart. Screenshots land in target/dashboard.png and target/dashboard-table.png.
 */
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * The page's own layout of 100 engines in 10 stages, each sending to two engines of the next stage: every arrow
     * goes left to right, no two boxes overlap, the graph is 10 layers wide.
     */
    static final String HUNDRED_ENGINES = """
            const name = (s, j) => `e${s}-${j}`;
            const engines = [], edges = [];
            for (let s = 0; s < 10; s++) for (let j = 0; j < 10; j++) engines.push({ name: name(s, j) });
            for (let s = 0; s < 9; s++) for (let j = 0; j < 10; j++) {
              edges.push({ from: name(s, j), to: name(s + 1, j) });
              edges.push({ from: name(s, j), to: name(s + 1, (j + 3) % 10) });
            }
            const { xy } = layout(engines, edges);
            for (const e of edges) if (xy.get(e.from).x >= xy.get(e.to).x) return `backwards ${e.from}->${e.to}`;
            const boxes = [...xy.values()];
            for (let a = 0; a < boxes.length; a++) for (let b = a + 1; b < boxes.length; b++) {
              if (Math.abs(boxes[a].x - boxes[b].x) < NODE_W && Math.abs(boxes[a].y - boxes[b].y) < NODE_H) return "overlap";
            }
            return new Set(boxes.map(p => p.x)).size === 10 ? "ok" : "layers: " + new Set(boxes.map(p => p.x)).size;
            """;

    @TempDir
    Path dir;

    static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Clicks the element as soon as it is there (the page re-renders what changed every 2 s). */
    private static void click(WebDriverWait wait, String selector) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector(selector)).click();
            return true;
        });
    }

    private String status(Path mainFile) {
        StringWriter out = new StringWriter();
        Main.run(new String[] {"status", "-c", mainFile.toString()}, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        return out.toString();
    }

    @Test
    void theDashboardShowsProcessesAndGraphAndStopsAProcessOnClick() throws Exception {
        int port = RestApiTest.freePort();
        try (TestBroker broker = TestBrokers.rabbitVhost();
             PipelineDaemon chain = PipelineDaemon.start(dir, broker.uri(),
                     "[inet_http_server]\nport=127.0.0.1:" + port)) {
            List<String> bodies = new ArrayList<>();
            IntStream.range(0, 50).forEach(i -> bodies.add("{\"id\": " + i + "}"));
            bodies.add("poison");
            chain.publish(bodies);
            WebDriver browser = chromium();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get("http://127.0.0.1:" + port + "/");
                wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#processes-body tr[data-name]"), 3));
                assertEquals(1, browser.findElements(By.cssSelector("#processes-body tr[data-group='chain']")).size());
                for (String name : List.of("chain:engine-alpha-0", "chain:engine-alpha-1", "chain:engine-beta-0")) {
                    assertEquals("RUNNING", browser.findElement(By.cssSelector(
                            "#processes-body tr[data-name='" + name + "'] .state")).getText());
                }
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#graph-svg g.node[data-engine='beta']")));
                assertEquals(1, browser.findElements(By.cssSelector("#graph-svg g.node[data-engine='alpha']")).size());
                assertEquals(1, browser.findElements(By.cssSelector("#graph-svg path.edge[data-edge='alpha->beta']")).size());
                wait.until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#graph-svg g.node[data-engine='alpha'] g.badge"), "1 error-queued"));

                click(wait, "button[data-action='stop'][data-name='chain:engine-beta-0']");
                wait.until(ExpectedConditions.textToBe(
                        By.cssSelector("#processes-body tr[data-name='chain:engine-beta-0'] .state"), "STOPPED"));
                String status = status(chain.dir().resolve("supervisord.conf"));
                assertTrue(status.lines().anyMatch(l -> l.matches("chain:engine-beta-0\\s+STOPPED\\s+.*")), status);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#graph-svg g.node[data-engine='beta']"), "0/1 workers"));

                click(wait, "button[data-action='tail'][data-name='chain:engine-alpha-0']");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tail")));
                Files.writeString(dir.resolve("alpha-0.log"), "a line for the tail view\n",
                        java.nio.file.StandardOpenOption.APPEND);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tail-text"),
                        "a line for the tail view"));

                File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
                Path target = Path.of("target", "dashboard.png");
                Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);

                click(wait, "#tab-table");
                wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#engines-body tr"), 2));
                assertTrue(browser.findElement(By.cssSelector("#engines-body tr[data-engine='alpha']")).getText()
                        .contains("Engine_alpha"));
                Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                        Path.of("target", "dashboard-table.png"), StandardCopyOption.REPLACE_EXISTING);
                assertEquals("ok", ((JavascriptExecutor) browser).executeScript(HUNDRED_ENGINES));
            } finally {
                browser.quit();
            }
        }
    }
}
