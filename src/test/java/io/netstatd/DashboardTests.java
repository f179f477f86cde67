package io.netstatd;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard at / in a real headless browser (Debian's chromium and chromedriver,
 * which .ci/run installs), over the captured golden tree so that every number is known:
 * the chart shows what /stats/states answers, the top-addresses form what /stats/top-ips
 * answers, the listener table what /listening answers; nothing the page loads is refused
 * by its Content-Security-Policy or fails. Saves target/dashboard.png.
 */
@GoldenTreeTest
class DashboardTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static ChromeDriver browser;

	/** Why there is no browser to test in, or null. */
	private static String noBrowser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			// each test is then skipped, saying so, rather than the class vanishing
			noBrowser = "chromium and chromium-driver are not installed (.ci/run installs them): no browser to test in";
			return;
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// root in CI has no user namespace for the sandbox; /dev/shm may be small
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1500");
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.build();
		browser = new ChromeDriver(service, options);
	}

	@BeforeEach
	void needsTheBrowser() {
		assumeTrue(noBrowser == null, noBrowser);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void showsWhatTheApiAnswers() throws IOException {
		browser.get(url("/"));
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until((driver) -> browser.findElement(By.tagName("body")).getDomAttribute("data-states-updates") != null);
		wait.until((driver) -> "true"
			.equals(browser.findElement(By.tagName("body")).getDomAttribute("data-listeners-updated")));

		// the chart's own data, as Chart.js draws it
		@SuppressWarnings("unchecked")
		Map<String, Object> chart = (Map<String, Object>) ((JavascriptExecutor) browser)
			.executeScript("const c = Chart.getChart('states-chart');"
					+ "return {labels: c.data.labels, data: c.data.datasets[0].data};");
		Map<String, Long> shown = new LinkedHashMap<>();
		List<?> labels = (List<?>) chart.get("labels");
		List<?> data = (List<?>) chart.get("data");
		for (int i = 0; i < labels.size(); i++) {
			shown.put((String) labels.get(i), ((Number) data.get(i)).longValue());
		}
		Map<String, Long> answered = new LinkedHashMap<>();
		for (Map<String, Object> state : api("/stats/states").<Map<String, Object>>getList("states")) {
			answered.put((String) state.get("state"), ((Number) state.get("count")).longValue());
		}
		assertThat(shown).containsExactlyInAnyOrderEntriesOf(answered)
			.containsEntry("TIME_WAIT", 12L)
			.containsEntry("ESTABLISHED", 6L)
			.containsEntry("LISTEN", 4L);
		assertThat(shown.keySet()).startsWith("ESTABLISHED", "SYN_SENT", "SYN_RECV");
		assertThat(browser.findElement(By.id("states-total")).getText()).isEqualTo("(22)");
		// each state's number beside the chart, zeros included, in the chart's order
		List<List<String>> stateRows = rows("states-table");
		assertThat(stateRows).hasSize(11)
			.containsSubsequence(List.of("ESTABLISHED", "6"), List.of("SYN_SENT", "0"), List.of("TIME_WAIT", "12"),
					List.of("LISTEN", "4"));
		for (List<String> row : stateRows) {
			assertThat(Long.parseLong(row.get(1))).isEqualTo(answered.get(row.get(0)));
		}
		// a logarithmic axis, on which a state of 4 beside 12 (or of 3 beside 10,000)
		// keeps
		// a bar: LISTEN's bar is more than half TIME_WAIT's, where a linear axis draws a
		// third
		@SuppressWarnings("unchecked")
		Map<String, Object> axis = (Map<String, Object>) ((JavascriptExecutor) browser)
			.executeScript("const c = Chart.getChart('states-chart'); const bars = c.getDatasetMeta(0).data;"
					+ "const at = (s) => c.data.labels.indexOf(s);"
					+ "return {type: c.options.scales.y.type, listen: bars[at('LISTEN')].height,"
					+ " timeWait: bars[at('TIME_WAIT')].height};");
		assertThat(axis.get("type")).isEqualTo("logarithmic");
		assertThat(((Number) axis.get("listen")).doubleValue())
			.isGreaterThan(((Number) axis.get("timeWait")).doubleValue() / 2);
		// drawn from the live stream, not by polling
		assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-states-source")).isEqualTo("stream");

		WebElement port = browser.findElement(By.id("top-port"));
		port.sendKeys("18080");
		browser.findElement(By.cssSelector("#top-form button")).click();
		wait.until(
				(driver) -> "18080".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-top-port")));
		List<List<String>> topRows = rows("top-table");
		List<List<String>> topAnswer = new ArrayList<>();
		for (Map<String, Object> ip : api("/stats/top-ips?port=18080").<Map<String, Object>>getList("ips")) {
			topAnswer.add(List.of(String.valueOf(ip.get("count")), (String) ip.get("ip")));
		}
		assertThat(topRows).isEqualTo(topAnswer).containsExactly(List.of("2", "127.0.0.3"), List.of("1", "127.0.0.2"));

		List<List<String>> listenerRows = rows("listeners-table");
		JsonPath listening = api("/listening");
		assertThat(listenerRows).hasSize(listening.getInt("count")).hasSize(6);
		for (int i = 0; i < listenerRows.size(); i++) {
			assertThat(listenerRows.get(i).subList(0, 4)).containsExactly(
					listening.getString("connections[" + i + "].protocol"),
					listening.getString("connections[" + i + "].localAddress"),
					listening.getString("connections[" + i + "].localPort"),
					listening.getString("connections[" + i + "].recvQ"));
		}
		assertThat(browser.findElement(By.id("status")).getText()).startsWith("updated ");

		Path screenshot = Path.of("target/dashboard.png");
		Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
		assertThat(Files.size(screenshot)).isPositive();
		assertThat(errors()).isEmpty();
	}

	@Test
	void sayWhyAPortIsRefused() {
		browser.get(url("/"));
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		// the field allows 0-65535; a script sets what a user could not type
		((JavascriptExecutor) browser)
			.executeScript("const f = document.getElementById('top-port');" + "f.type = 'text'; f.value = '8o';");
		browser.findElement(By.cssSelector("#top-form button")).click();
		wait.until((driver) -> !browser.findElement(By.id("top-error")).getText().isEmpty());

		assertThat(browser.findElement(By.id("top-error")).getText()).isEqualTo(
				"Invalid value '8o' for parameter 'port': expected ports from 0 to 65535 and ranges of them such as "
						+ "1024-65535, comma-separated.");
	}

	@Test
	void servesSwaggerUiWithinItsContentSecurityPolicy() {
		browser.get(url("/swagger-ui/index.html"));
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until((driver) -> browser.findElements(By.cssSelector(".opblock")).size() >= 6);

		assertThat(browser.findElements(By.cssSelector(".opblock-summary-path")))
			.extracting((element) -> element.getDomAttribute("data-path"))
			.contains("/connections", "/listening", "/stats/states", "/stats/top-ips");
		assertThat(errors()).isEmpty();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private JsonPath api(String path) {
		return RestAssured.given().port(this.port).get(path).then().statusCode(200).extract().jsonPath();
	}

	/**
	 * A table's cells, read in one script: the page redraws a table at every event of its
	 * stream, and cells read one by one can belong to a row already replaced.
	 */
	@SuppressWarnings("unchecked")
	private static List<List<String>> rows(String tableId) {
		return (List<List<String>>) ((JavascriptExecutor) browser).executeScript(
				"return [...document.querySelectorAll('#' + arguments[0] + ' tbody tr')]"
						+ ".map((row) => [...row.querySelectorAll('td')].map((cell) => cell.innerText.trim()));",
				tableId);
	}

	/** What the browser logged as errors: CSP refusals, failed loads, script errors. */
	private static List<String> errors() {
		return browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

}
