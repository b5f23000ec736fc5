package com.example.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.Docs;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link and {@code #anchor} in README.md and docs/*.md leads somewhere. The README is a
 * front page whose sections moved to docs/, and a section that moves again, or a heading that is
 * reworded, silently breaks every link to it; GitHub shows no error, the reader just lands at the top.
 */
class DocsLinksTest {

    /** An inline link or image: {@code [text](target)} or {@code [text](target "title")}; text may wrap. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");

    @Test
    void everyRelativeLinkAndAnchorInTheReadmeAndTheDocsResolves() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Docs.Page page : Docs.all()) {
            List<String> targets = links(page.text());
            checked += targets.size();
            broken.addAll(broken(page.file(), targets));
        }

        assertThat(broken).as("broken links").isEmpty();
        assertThat(checked).as("links checked").isGreaterThan(30);
    }

    @Test
    void theReadmeLinksToEveryPageOfTheDocs() throws IOException {
        List<String> readmeTargets = links(Docs.readme().text());
        List<String> pages;
        try (var files = Files.list(Docs.PROJECT.resolve("docs"))) {
            pages = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".md")).toList();
        }

        assertThat(pages).isNotEmpty().allSatisfy(page -> assertThat(readmeTargets).as("README.md links to docs/%s", page)
                .anySatisfy(target -> assertThat(target).startsWith("docs/" + page)));
    }

    @Test
    void aMissingFileOrAnchorIsReportedAndALinkInCodeIsNot(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("other.md"), "# Other\n\n## Kept heading\n");
        Path page = Files.writeString(dir.resolve("page.md"), """
                # Page

                ## Timeouts and cancellation: what you see

                [here](#timeouts-and-cancellation-what-you-see), [there](other.md#kept-heading),
                [gone](#timeouts-and-cancellation), [moved](missing.md), [wrong anchor](other.md#moved-heading),
                [a wrapped
                text](other.md#wrapped), ![image](missing.png), [web](https://example.com/#nowhere)
                `[in code](nowhere.md)`

                ```
                [in a code block](nowhere.md)
                ```
                """);

        assertThat(broken(page, links(Files.readString(page)))).containsExactly(
                "page.md: #timeouts-and-cancellation: no such heading in page.md",
                "page.md: missing.md: no such file",
                "page.md: other.md#moved-heading: no such heading in other.md",
                "page.md: other.md#wrapped: no such heading in other.md",
                "page.md: missing.png: no such file");
    }

    @Test
    void anchorsFollowGitHubsRules() {
        assertThat(anchors("""
                # Client Activity Monitor
                ## Timeouts and cancellation: what you see
                ## Parquet files (`monitor.rows-format=parquet`)
                ### databases.yaml
                ## How each database's types map
                ## Team routes: one per team, any number of teams
                ## Run
                ## Run
                ```
                ## not a heading, in code
                ```
                """)).containsExactly("client-activity-monitor", "timeouts-and-cancellation-what-you-see",
                "parquet-files-monitorrows-formatparquet", "databasesyaml", "how-each-databases-types-map",
                "team-routes-one-per-team-any-number-of-teams", "run", "run-1");
    }

    /** The link targets of a Markdown text, outside code blocks and code spans. */
    static List<String> links(String markdown) {
        String prose = withoutCode(markdown);
        List<String> targets = new ArrayList<>();
        Matcher link = LINK.matcher(prose);
        while (link.find()) {
            targets.add(link.group(1));
        }
        return targets;
    }

    /** One line per target that does not resolve from {@code page}: no such file, or no such heading in it. */
    static List<String> broken(Path page, List<String> targets) {
        List<String> broken = new ArrayList<>();
        Path folder = page.getParent();
        for (String target : targets) {
            if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                continue; // https:, mailto: and the like: not this repository's to check
            }
            int hash = target.indexOf('#');
            String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
            Path file = path.isEmpty() ? page : folder.resolve(path).normalize();
            String where = page.getFileName() + ": " + target + ": ";
            if (!Files.exists(file)) {
                broken.add(where + "no such file");
            } else if (hash >= 0 && !anchors(Docs.read(file)).contains(target.substring(hash + 1))) {
                broken.add(where + "no such heading in " + file.getFileName());
            }
        }
        return broken;
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces to '-', repeats numbered. */
    static List<String> anchors(String markdown) {
        List<String> anchors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : withoutCode(markdown).lines().toList()) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String text = heading.group(1).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
                String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return anchors;
    }

    /**
     * The text with fenced code blocks blanked and code spans reduced to their content without the
     * backticks (GitHub's anchor drops them too), so that a link shown as code is not followed.
     */
    private static String withoutCode(String markdown) {
        StringBuilder prose = new StringBuilder();
        boolean inFence = false;
        for (String line : markdown.lines().toList()) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                prose.append('\n');
            } else {
                prose.append(inFence ? "" : line).append('\n');
            }
        }
        return Pattern.compile("`([^`]*)`").matcher(prose).replaceAll(span -> Matcher.quoteReplacement(
                span.group(1).replace("[", "").replace("]", "").replace("(", "").replace(")", "")));
    }
}
