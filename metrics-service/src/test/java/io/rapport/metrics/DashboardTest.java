package io.rapport.metrics;

import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless browser (Debian's chromium): it loads, its charts show the numbers the API
 * returns, and a new event reaches the page through the live stream.
 */
@QuarkusTest
class DashboardTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static ChromeDriver browser;

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    @BeforeAll
    static void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldChartTheApisNumbersAndFollowNewEventsLive() {
        Scenario s = Scenario.fresh();
        String day = TODAY.minusDays(3).toString();
        try (Feed feed = new Feed()) {
            feed.send("rapport.interaction.completed.v1", s.completed(UUID.randomUUID(), 2, day, 5));
            feed.send("rapport.interaction.completed.v1", s.interaction(UUID.randomUUID(), 2, "COMPLETED", day, "VIDEO")
                    .put("occurredAt", day + "T10:00:00Z").put("durationMinutes", 30).put("feedbackScore", 4));
            feed.send("rapport.insight.submitted.v1", s.insight(UUID.randomUUID(), 2, "SUBMITTED", day + "T10:00:00Z"));
            feed.awaitApplied();
        }
        String manager = Tokens.manager(s.manager());
        String from = TODAY.minusDays(30).toString();
        String to = TODAY.toString();
        int completed = given().header("Authorization", manager).queryParam("from", from).queryParam("to", to)
                .get("/api/v1/metrics/summary").then().statusCode(200).extract().path("metrics.interactions.completed");
        assertThat(completed).isEqualTo(2);

        browser.get(dashboard + "?team=" + s.team + "&from=" + from + "&to=" + to);
        browser.findElement(By.id("token")).sendKeys(manager.substring("Bearer ".length()));
        browser.findElement(By.cssSelector("#connect button")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(b -> "2".equals(b.findElement(By.id("completed")).getText()));
        wait.until(b -> b.findElement(By.id("live")).getText().contains("live"));

        assertThat(browser.findElement(By.id("feedback")).getText()).isEqualTo("4.50 / 5");
        assertThat(number("return dashboard.charts.channels.data.datasets"
                + ".flatMap(d => d.data).reduce((a, b) => a + b, 0)")).isEqualTo(2);
        assertThat(number("return dashboard.charts.funnel.data.datasets[0].data[0]")).isEqualTo(1);
        assertThat(number("return dashboard.charts.health.data.datasets[0].data.reduce((a, b) => a + b, 0)"))
                .isEqualTo(1);
        assertThat(browser.findElement(By.id("error")).getText()).isEmpty();

        try (Feed feed = new Feed()) {
            feed.send("rapport.interaction.completed.v1", s.completed(UUID.randomUUID(), 2, TODAY.minusDays(1).toString(), 3));
        }
        wait.until(b -> "3".equals(b.findElement(By.id("completed")).getText()));
        assertThat(number("return dashboard.charts.channels.data.datasets"
                + ".flatMap(d => d.data).reduce((a, b) => a + b, 0)")).isEqualTo(3);
    }

    @Test
    void shouldSayWhatIsWrongWithABadToken() {
        browser.get(dashboard.toString());
        browser.findElement(By.id("token")).clear();
        browser.findElement(By.id("token")).sendKeys("not-a-token");
        browser.findElement(By.cssSelector("#connect button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> !b.findElement(By.id("error")).getText().isEmpty());
        assertThat(browser.findElement(By.id("error")).getText()).contains("bearer token was refused");
    }

    private static long number(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }
}
