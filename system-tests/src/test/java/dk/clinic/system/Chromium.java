package dk.clinic.system;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The installed headless Chromium (Debian's {@code chromium}), driven by Playwright, once for the test run. Playwright
 * never downloads a browser of its own here ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}); {@code -Dclinic.chromium}
 * names another binary.
 */
final class Chromium {

    private static final Path BINARY = Path.of(System.getProperty("clinic.chromium", "/usr/bin/chromium"));
    private static Playwright playwright;
    private static Browser browser;

    private Chromium() {
    }

    /**
     * A fresh browser profile: its own cookies, in {@code locale} (e.g. da-DK), on a desktop-sized screen. The page's
     * texts, dates and times follow the locale; the browser's own date and time fields stay in the US format in
     * headless Chromium (a receptionist's Danish browser shows them the Danish way).
     */
    static synchronized BrowserContext context(String locale) {
        if (browser == null) {
            if (!Files.isExecutable(BINARY)) {
                throw new IllegalStateException(BINARY + " is missing: the browser stories need Chromium "
                        + "(apt-get install -y chromium; .ci/run installs it)");
            }
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(BINARY)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--no-first-run")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }, "chromium-stop"));
        }
        return browser.newContext(new Browser.NewContextOptions()
                .setLocale(locale)
                .setTimezoneId("Europe/Copenhagen")
                .setViewportSize(1400, 900));
    }
}
