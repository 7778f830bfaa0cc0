package dk.clinic.system;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One user's visit to the web app in Chromium, for one story: signing in, going to pages, keyboard navigation, and
 * at every page a screenshot (under {@code target/screenshots/<story>/} for a reviewer) and an accessibility check
 * with axe-core that allows no serious or critical violation.
 */
final class Visit implements AutoCloseable {

    private static final Path AXE = RunningClinic.root().resolve("system-tests/browser/node_modules/axe-core/axe.min.js");

    final Page page;
    private final BrowserContext context;
    private final String web;
    private final Path screenshots;
    private int shot;

    private Visit(String web, String story, String locale) {
        this.web = web;
        this.context = Chromium.context(locale);
        this.page = context.newPage();
        this.screenshots = RunningClinic.root().resolve("system-tests/target/screenshots").resolve(story);
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the web app in a fresh browser whose language is {@code locale}; nobody is signed in yet. */
    static Visit to(String web, String story, String locale) {
        return new Visit(web, story, locale);
    }

    /** Signs in on the web app's own page as one of the local issuer's users (whose password is the user name). */
    Visit signedInAs(String user) {
        page.navigate(web + "/sign-in");
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(user);
        page.locator("button[type=submit]").click();
        assertThat(page.locator("header.top")).isVisible();
        return this;
    }

    Visit go(String path) {
        page.navigate(web + path);
        return this;
    }

    Locator heading(String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setLevel(1));
    }

    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    Locator link(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    /** A screenshot for the reviewer, and the page held to WCAG 2.1 A and AA by axe-core: nothing serious or critical. */
    Visit check(String what) {
        screenshot(what);
        try {
            page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
        } catch (RuntimeException e) {
            throw new IllegalStateException(AXE + " is missing: ./clinic tools installs it", e);
        }
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate("""
                () => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(result => result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))""");
        assertThat(violations).as("accessibility of %s (%s)", what, page.url()).isEmpty();
        return this;
    }

    /** A screenshot for the reviewer only (of a page that is not ours, such as Keycloak's). */
    Visit screenshot(String what) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(screenshots.resolve("%02d-%s.png".formatted(++shot, what)))
                .setFullPage(true));
        return this;
    }

    /** Chooses the option the user reads as {@code option} in the list labelled {@code label}. */
    Visit choose(String label, String option) {
        // by role: a label that wraps a list also holds its options' text, which getByLabel would match against
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName(label).setExact(true))
                .selectOption(new SelectOption().setLabel(option));
        return this;
    }

    /**
     * Reloads the page until {@code expected} shows, for what another service or a follow-up brings about a moment
     * after the user's action (an offer to the waitlist, a request from a plan); fails after {@link Arrange#EVENTUAL}.
     */
    Visit reloadUntilVisible(Locator expected) {
        Instant deadline = Instant.now().plus(Arrange.EVENTUAL);
        while (true) {
            try {
                assertThat(expected).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(2_000));
                return this;
            } catch (AssertionError notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                page.reload();
            }
        }
    }

    /**
     * Moves the keyboard focus with Tab, as a user without a mouse does, until {@code target} has it; fails when it
     * cannot be reached within {@code presses}.
     */
    Visit tabTo(Locator target, int presses) {
        for (int i = 0; i < presses; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) target.evaluate("element => element === document.activeElement")) {
                return this;
            }
        }
        throw new AssertionError("Not reached with " + presses + " presses of Tab: " + target);
    }

    Visit press(String key) {
        page.keyboard().press(key);
        return this;
    }

    @Override
    public void close() {
        context.close();
    }
}
