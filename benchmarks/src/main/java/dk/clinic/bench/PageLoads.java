package dk.clinic.bench;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One page of clinic-web loaded in Debian's headless Chromium again and again, timed from the navigation's start
 * until it is usable: a script added to every page before its own records, in each animation frame, whether the
 * page's own condition holds (the day's appointments are buttons, the episode's sessions are listed, ...), and the
 * time of the first frame in which it does. Two ways: in a fresh browser profile for every load (nothing cached, as
 * on a first visit) and reloading in one profile (scripts cached, as all day). The report also gives the median
 * time of each step (Resource Timing), the main thread's work in a fresh profile (Chromium's
 * {@code Performance.getMetrics}) and the JavaScript with the most self time in one profiled fresh load.
 */
final class PageLoads {

    static final double USABLE_TARGET_MS = 1000;
    private static final int WARM_UP_LOADS = 3;
    private static final Path CHROMIUM = Path.of(System.getProperty("clinic.chromium", "/usr/bin/chromium"));

    /**
     * What to load and when it counts as usable.
     *
     * @param path       the page, e.g. {@code /calendar?date=...}
     * @param user       the local issuer's user who signs in (password = name)
     * @param usableWhen a JavaScript expression that is true once the page can be used
     * @param dataName   the step for the page's main data, e.g. "day's appointments received"
     * @param dataUrl    a part of the address of the page's main data (the step ends when the last such answer has)
     * @param screenshot where to save the page once loaded, for a reviewer (null: none)
     */
    record Target(String path, String user, String usableWhen, String dataName, String dataUrl, Path screenshot) {
    }

    record Browsing(String chromium, List<String> milestoneNames, Latency fresh, Latency reloads,
                    double[] freshMilestones, double[] reloadMilestones, double[] freshWork, List<String> hotspots) {

        double worstP95() {
            return Math.max(fresh.p95(), reloads.p95());
        }
    }

    /** What the browser's main thread spent its time on in one load (Chromium's own counters), in milliseconds. */
    static final List<String> WORK_NAMES = List.of("ScriptDuration", "RecalcStyleDuration", "LayoutDuration",
            "TaskDuration");

    private static final String USABLE_PROBE = """
            (() => {
              const check = () => {
                let usable = false;
                try { usable = !!(%s); } catch (e) { usable = false; }
                if (usable) {
                  window.__clinicUsable = performance.now();
                } else {
                  requestAnimationFrame(check);
                }
              };
              requestAnimationFrame(check);
            })();""";

    /** When, in ms from the navigation's start: HTML, scripts, who is signed in, the main data, usable. */
    private static final String MILESTONES = """
            (dataUrl) => {
              const entries = performance.getEntriesByType('resource');
              const end = (matches) => Math.max(0, ...entries.filter(e => matches(new URL(e.name)))
                .map(e => e.responseEnd));
              const navigation = performance.getEntriesByType('navigation')[0];
              return [navigation.responseEnd, end(u => u.pathname.startsWith('/assets/')),
                      navigation.domContentLoadedEventEnd, end(u => u.pathname === '/session'),
                      end(u => (u.pathname + u.search).includes(dataUrl)), window.__clinicUsable];
            }""";

    private PageLoads() {
    }

    static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: apt-get install -y chromium");
        }
    }

    /** {@code loads} timed loads of the page each way, after a few to warm up. */
    static Browsing browse(String web, Target target, int loads) {
        requireChromium();
        String url = web + target.path();
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                    .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                            "--disable-background-networking", "--disable-component-update", "--no-first-run")));
            String signedIn;
            try (BrowserContext context = context(browser, null, target)) {
                Page page = context.newPage();
                page.navigate(web + "/sign-in");
                page.locator("input[name=username]").fill(target.user());
                page.locator("input[name=password]").fill(target.user());
                page.locator("button[type=submit]").click();
                page.locator("header.top").waitFor();
                signedIn = context.storageState();
            }
            Loads fresh = new Loads();
            for (int i = 0; i < WARM_UP_LOADS + loads; i++) {
                try (BrowserContext context = context(browser, signedIn, target)) {
                    Page page = context.newPage();
                    CDPSession devtools = context.newCDPSession(page);
                    devtools.send("Performance.enable");
                    double[] milestones = usable(page, url, target);
                    if (i >= WARM_UP_LOADS) {
                        fresh.add(milestones);
                        fresh.addWork(work(devtools.send("Performance.getMetrics")));
                    }
                }
            }
            List<String> hotspots;
            try (BrowserContext context = context(browser, signedIn, target)) {
                hotspots = profiled(context, url, target);
            }
            Loads reloads = new Loads();
            try (BrowserContext context = context(browser, signedIn, target)) {
                Page page = context.newPage();
                for (int i = 0; i < WARM_UP_LOADS + loads; i++) {
                    double[] milestones = usable(page, url, target);
                    if (i >= WARM_UP_LOADS) {
                        reloads.add(milestones);
                    }
                }
                if (target.screenshot() != null) {
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(target.screenshot()));
                }
            }
            String version = browser.version();
            browser.close();
            return new Browsing(version, milestoneNames(target), fresh.usable(), reloads.usable(), fresh.medians(),
                    reloads.medians(), fresh.workMedians(), hotspots);
        }
    }

    /** The Chromium part of a benchmark's report: both ways, the steps, the main thread's work, the hotspots. */
    static void report(StringBuilder out, Browsing browsing, String what) {
        line(out, "Chromium %s, headless, 1400x900, da-DK: from the navigation's start until %s", browsing.chromium(),
                what);
        line(out, "  %-44s %8s %7s %7s %7s %7s", "", "loads", "p50 ms", "p95 ms", "p99 ms", "max ms");
        row(out, "a fresh browser profile (nothing cached)", browsing.fresh());
        row(out, "reload (scripts cached)", browsing.reloads());
        line(out, "  where the time goes, median ms from the navigation's start:");
        line(out, "  %-44s %8s %8s", "", "fresh", "reload");
        for (int m = 0; m < browsing.milestoneNames().size(); m++) {
            line(out, "  %-44s %8.0f %8.0f", browsing.milestoneNames().get(m), browsing.freshMilestones()[m],
                    browsing.reloadMilestones()[m]);
        }
        line(out, "  the main thread in a fresh profile, median ms until usable (Chromium's Performance.getMetrics):");
        for (int w = 0; w < WORK_NAMES.size(); w++) {
            line(out, "  %-44s %8.0f", WORK_NAMES.get(w), browsing.freshWork()[w]);
        }
        line(out, "  the JavaScript that took the most time in one load in a fresh profile (self time):");
        browsing.hotspots().forEach(hotspot -> line(out, "  %s", hotspot));
        line(out, "  target: usable under %.0f ms: %s (p95 %.0f ms at worst)", USABLE_TARGET_MS,
                browsing.worstP95() < USABLE_TARGET_MS ? "MET" : "MISSED", browsing.worstP95());
    }

    static void row(StringBuilder out, String label, Latency latency) {
        line(out, "  %-44s %8d %7.1f %7.1f %7.1f %7.1f", label, latency.count(), latency.p50(), latency.p95(),
                latency.p99(), latency.max());
    }

    static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static List<String> milestoneNames(Target target) {
        return List.of("HTML received", "scripts and styles received", "DOMContentLoaded", "signed-in user known",
                target.dataName(), "usable");
    }

    private static BrowserContext context(Browser browser, String storageState, Target target) {
        Browser.NewContextOptions options = new Browser.NewContextOptions().setLocale("da-DK")
                .setTimezoneId("Europe/Copenhagen").setViewportSize(1400, 900);
        if (storageState != null) {
            options.setStorageState(storageState);
        }
        BrowserContext context = browser.newContext(options);
        context.addInitScript(USABLE_PROBE.formatted(target.usableWhen()));
        return context;
    }

    /** The milestones of one load of the page (the last one: usable). */
    private static double[] usable(Page page, String url, Target target) {
        page.navigate(url);
        page.waitForFunction("() => window.__clinicUsable !== undefined", null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        List<?> milestones = (List<?>) page.evaluate(MILESTONES, target.dataUrl());
        return milestones.stream().mapToDouble(value -> ((Number) value).doubleValue()).toArray();
    }

    private static double[] work(JsonObject metrics) {
        double[] work = new double[WORK_NAMES.size()];
        for (var metric : metrics.getAsJsonArray("metrics")) {
            int index = WORK_NAMES.indexOf(metric.getAsJsonObject().get("name").getAsString());
            if (index >= 0) {
                work[index] = metric.getAsJsonObject().get("value").getAsDouble() * 1000;
            }
        }
        return work;
    }

    /** One more load in a fresh profile under the JavaScript profiler: the functions that took the most time. */
    private static List<String> profiled(BrowserContext context, String url, Target target) {
        Page page = context.newPage();
        CDPSession devtools = context.newCDPSession(page);
        devtools.send("Profiler.enable");
        JsonObject interval = new JsonObject();
        interval.addProperty("interval", 200);
        devtools.send("Profiler.setSamplingInterval", interval);
        devtools.send("Profiler.start");
        usable(page, url, target);
        JsonObject profile = devtools.send("Profiler.stop").getAsJsonObject("profile");
        Map<String, Double> selfMs = new HashMap<>();
        double perSample = profile.get("endTime").getAsDouble() - profile.get("startTime").getAsDouble();
        perSample = perSample / 1000 / Math.max(1, profile.getAsJsonArray("samples").size());
        for (var element : profile.getAsJsonArray("nodes")) {
            JsonObject node = element.getAsJsonObject();
            JsonObject frame = node.getAsJsonObject("callFrame");
            String source = frame.get("url").getAsString();
            String where = (frame.get("functionName").getAsString().isEmpty() ? "(anonymous)"
                    : frame.get("functionName").getAsString())
                    + (source.isEmpty() ? "" : " " + source.substring(source.lastIndexOf('/') + 1) + ":"
                    + (frame.get("lineNumber").getAsInt() + 1) + ":" + (frame.get("columnNumber").getAsInt() + 1));
            selfMs.merge(where, node.get("hitCount").getAsDouble() * perSample, Double::sum);
        }
        return selfMs.entrySet().stream().filter(e -> !e.getKey().startsWith("(idle)"))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(15)
                .map(e -> String.format(Locale.ROOT, "%7.0f ms  %s", e.getValue(), e.getKey())).toList();
    }

    /** The milestones of several loads. */
    private static final class Loads {
        private final List<double[]> loads = new ArrayList<>();
        private final List<double[]> work = new ArrayList<>();

        void add(double[] milestones) {
            loads.add(milestones);
        }

        void addWork(double[] counters) {
            work.add(counters);
        }

        double[] workMedians() {
            return medians(work, WORK_NAMES.size());
        }

        Latency usable() {
            Histogram histogram = Latency.histogram();
            loads.forEach(load -> Latency.record(histogram, (long) (load[load.length - 1] * 1_000_000)));
            return Latency.of(histogram);
        }

        double[] medians() {
            return medians(loads, 6);
        }

        private static double[] medians(List<double[]> rows, int columns) {
            double[] medians = new double[columns];
            for (int m = 0; m < columns; m++) {
                int column = m;
                double[] sorted = rows.stream().mapToDouble(row -> row[column]).sorted().toArray();
                medians[m] = sorted[sorted.length / 2];
            }
            return medians;
        }
    }
}
