package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.HeadlessChromium;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.testing.ServiceTestSupport;
import com.example.monitor.testing.ServiceTestSupport.ServiceSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The status page in a real headless Chromium, against a running service with a token and real
 * PostgreSQL databases: a run watched live, a cancel, the history and its report, a wrong token.
 */
@ServiceSettings(token = StatusPageBrowserTest.TOKEN,
        value = {"monitor.schedule", "0 0 6 * * ?", "monitor.query-timeout", "2m"})
class StatusPageBrowserTest extends ServiceTestSupport {

    static final String TOKEN = "browser-test-token";
    private static final Duration UI = Duration.ofSeconds(20);

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static ProjectFiles project;
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowserAndDatabases() throws Exception {
        HeadlessChromium.requireInstalled();
        String crm = POSTGRES.server().createDatabase("page_crm",
                "CREATE TABLE phone_changes (client_id int)", "INSERT INTO phone_changes VALUES (1), (2)");
        String accounts = POSTGRES.server().createDatabase("page_accounts",
                "CREATE TABLE password_changes (client_id int)", "INSERT INTO password_changes VALUES (1), (2), (3)");
        project = new ProjectFiles(Files.createTempDirectory("status-page-test"))
                .database("crm", crm)
                // before 2000 it sleeps 30 s (to be cancelled), before 2026 2 s (to be watched), else not at all
                .query("Email changes", "crm/email.sql", """
                        SELECT 1 AS client_id
                          FROM pg_sleep(CASE WHEN :start_date::timestamp < timestamp '2000-01-01' THEN 30
                                             WHEN :start_date::timestamp < timestamp '2026-01-01' THEN 2 ELSE 0 END)
                        """)
                .query("Phone changes", "crm/phone.sql",
                        "SELECT client_id FROM phone_changes WHERE :start_date::timestamp IS NOT NULL\n")
                .database("accounts", accounts)
                .query("Password changes", "accounts/password.sql",
                        "SELECT client_id FROM password_changes WHERE :start_date::timestamp IS NOT NULL\n");
        project.write();
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Override
    protected ProjectFiles project() {
        return project;
    }

    @BeforeEach
    void openPage() {
        browser.get("http://127.0.0.1:" + port() + "/");
        browser.executeScript("sessionStorage.clear();");
        browser.navigate().refresh();
    }

    @Test
    void runWithAStartDateIsWatchedLiveFromConnectingToCompletedWithoutAReload() throws Exception {
        enterToken(TOKEN);
        browser.executeScript("window.sameDocument = true;");
        setValue("start-date", "2025-06-01");
        setValue("lookback-days", "3");
        browser.findElement(By.id("run")).click();
        await().atMost(UI).until(() -> text(By.id("run-error")).contains("not both"));
        setValue("lookback-days", "");

        browser.findElement(By.id("run")).click();

        await().atMost(UI).until(() -> status(query("crm", "Email changes")).equals("running"));
        assertThat(browser.findElement(By.id("cancel")).isEnabled()).isTrue();
        assertThat(text(By.id("run-summary"))).contains("In flight").contains("trigger http").contains("2025-06-01T00:00:00");
        await().atMost(UI).until(() -> "completed".equals(summaryStatus()));
        assertThat(status(query("crm", "Email changes"))).isEqualTo("completed");
        assertThat(cell(query("crm", "Email changes"), "rows")).isEqualTo("1");
        assertThat(cell(query("crm", "Phone changes"), "rows")).isEqualTo("2");
        assertThat(cell(query("accounts", "Password changes"), "rows")).isEqualTo("3");
        assertThat(cell(query("crm", "Email changes"), "steps")).isEqualTo("running → completed");
        assertThat(cell(database("crm"), "steps")).isEqualTo("connecting → completed");
        assertThat(status(database("crm"))).isEqualTo("completed");
        assertThat(browser.executeScript("return window.sameDocument === true;")).as("no reload").isEqualTo(true);
        await().atMost(UI).until(() -> !browser.findElement(By.id("cancel")).isEnabled());
        assertThat(text(By.id("standby"))).contains("No run in flight").contains("Next scheduled run");
        assertThat(browser.findElement(By.id("replica")).isDisplayed()).as("no replica line when alone").isFalse();

        Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(screenshot, Path.of("target", "status-page.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void cancelStopsTheRunOnTheServerAndShowsWhatWasCancelledAndWhatCompleted() throws Exception {
        enterToken(TOKEN);
        setValue("start-date", "1999-01-01");
        browser.findElement(By.id("run")).click();
        await().atMost(UI).until(() -> status(query("crm", "Email changes")).equals("running")
                && POSTGRES.server().activeQueriesOfApplication().stream().anyMatch(q -> q.contains("pg_sleep")));
        await().atMost(UI).until(() -> status(query("accounts", "Password changes")).equals("completed"));

        browser.findElement(By.id("cancel")).click();

        await().atMost(UI).until(() -> "cancelled".equals(summaryStatus()));
        // the run is cancelled when the cancel is asked for; its query's row follows with the query's
        // own event, at the page's next poll at the latest
        await().atMost(UI).until(() -> status(query("crm", "Email changes")).equals("cancelled"));
        assertThat(status(query("crm", "Phone changes"))).isEqualTo("cancelled");
        assertThat(status(query("accounts", "Password changes"))).isEqualTo("completed");
        assertThat(cell(query("accounts", "Password changes"), "rows")).isEqualTo("3");
        await().atMost(Duration.ofSeconds(5)).until(() -> POSTGRES.server().activeQueriesOfApplication().isEmpty());
        await().atMost(UI).until(() -> !browser.findElement(By.id("cancel")).isEnabled());
    }

    @Test
    void aFinishedRunIsInTheHistoryAndItsReportLinkOpensTheReport() throws Exception {
        enterToken(TOKEN);
        setValue("start-date", "2026-10-01");
        browser.findElement(By.id("run")).click();
        await().atMost(UI).until(() -> "completed".equals(summaryStatus()));
        String runId = browser.findElement(By.id("run-summary")).getAttribute("data-run-id");

        By historyRow = By.cssSelector("tr[data-history-run='" + runId + "']");
        await().atMost(UI).until(() -> !browser.findElements(historyRow).isEmpty());
        WebElement row = browser.findElement(historyRow);
        assertThat(row.findElement(By.cssSelector("[data-role=status]")).getText()).isEqualTo("completed");
        assertThat(row.getText()).contains("http").contains("2026-10-01T00:00:00").contains("6");

        row.findElement(By.className("report-link")).click();

        await().atMost(UI).until(() -> browser.findElement(By.tagName("body")).getText().contains(runId));
        JsonNode shown = JSON.readTree(browser.findElement(By.tagName("body")).getText());
        assertThat(shown).isEqualTo(JSON.readTree(outputDir().resolve(runId + ".json").toFile()));
    }

    @Test
    void aWrongTokenIsRefusedAndTheRightOneOpensThePage() {
        enterToken("not-the-token");

        await().atMost(UI).until(() -> text(By.id("token-error")).contains("The token was refused"));
        assertThat(browser.findElement(By.id("app")).isDisplayed()).isFalse();
        assertThat(browser.executeScript("return sessionStorage.getItem('monitorToken');")).isNull();

        enterToken(TOKEN);
        await().atMost(UI).until(() -> browser.findElement(By.id("app")).isDisplayed());
        assertThat(text(By.id("connection"))).isEqualTo("live");
    }

    private void enterToken(String token) {
        await().atMost(UI).until(() -> browser.findElement(By.id("token-box")).isDisplayed());
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("token-submit")).click();
    }

    private void setValue(String id, String value) {
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), value);
    }

    private String text(By by) {
        return browser.findElement(by).getText();
    }

    private String summaryStatus() {
        return browser.findElement(By.id("run-summary")).getAttribute("data-run-status");
    }

    private static By database(String name) {
        return By.cssSelector("tr.database[data-database='" + name + "']");
    }

    private static By query(String database, String name) {
        return By.cssSelector("tr.query[data-database='" + database + "'][data-query='" + name + "']");
    }

    private String status(By row) {
        return cell(row, "status");
    }

    /** Read in one script call: the panel is redrawn every half second. */
    private String cell(By row, String role) {
        Object value = browser.executeScript("var row = document.querySelector(arguments[0]);"
                + " if (!row) { return ''; } var cell = row.querySelector('[data-role=' + arguments[1] + ']');"
                + " return cell ? cell.textContent : '';", css(row), role);
        return value == null ? "" : value.toString();
    }

    private static String css(By by) {
        String text = by.toString();
        return text.substring(text.indexOf(':') + 1).trim();
    }
}
