package com.example.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.config.Setting;
import com.example.monitor.testing.Docs;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code --help} lists every setting and every exit code, and names the pages that explain them; the README's
 * exit code table matches.
 */
class UsageTest {

    @Test
    void helpListsEverySettingWithItsDefaultAndHelp() {
        List<String> lines = Arguments.usage().lines().toList();

        for (Setting<?> setting : Setting.all()) {
            int at = lines.indexOf("  --" + setting.key() + "=" + setting.defaultValue());
            assertThat(at).as("%s in --help", setting.key()).isNotNegative();
            assertThat(lines.get(at + 1).strip()).isEqualTo(setting.plainHelp());
        }
        assertThat(lines.stream().filter(line -> line.startsWith("  --monitor."))).hasSize(Setting.all().size());
    }

    @Test
    void helpListsEveryExitCode() {
        String usage = Arguments.usage();

        assertThat(exitCodeConstants()).allSatisfy(code -> assertThat(ExitCodes.MEANINGS)
                .anySatisfy(meaning -> assertThat(meaning.codes()).contains(code)));
        for (ExitCodes.Meaning meaning : ExitCodes.MEANINGS) {
            assertThat(usage).containsPattern("(?m)^  " + meaning.codesText() + " +"
                    + Pattern.quote(meaning.text().replace("`", "")) + "$");
        }
    }

    @Test
    void readmeExitCodeTableIsTheDeclarationRendered() {
        List<String> expected = new ArrayList<>(List.of("| code | meaning |", "|---|---|"));
        ExitCodes.MEANINGS.forEach(meaning -> expected.add("| " + meaning.codesText() + " | " + meaning.text() + " |"));

        assertThat(Docs.readme().tableUnder("### Exit codes"))
                .as("README.md, ### Exit codes: replace the table with%n%s", String.join("\n", expected))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void helpNamesTheSettingsPageAndOnlyPagesThatExist() {
        String usage = Arguments.usage();
        Matcher pages = Pattern.compile("[\\w/-]+\\.md").matcher(usage.replaceAll("\\s+", " "));
        List<String> named = new ArrayList<>();
        while (pages.find()) {
            String page = pages.group();
            named.add(page);
            // "docs/configuration.md", or "service-mode.md" in the list of docs/ pages
            assertThat(Docs.PROJECT.resolve(page).toFile().isFile() || Docs.page(page).file().toFile().isFile())
                    .as("%s, named in --help, is a page of the repository", page).isTrue();
        }
        assertThat(usage).contains("settings (each explained in docs/configuration.md)");
        assertThat(named).contains("README.md", "docs/configuration.md", "operating.md", "service-mode.md");
    }

    /** Every {@code public static final int} of {@link ExitCodes}, so a new code cannot be left out. */
    private static List<Integer> exitCodeConstants() {
        return Arrays.stream(ExitCodes.class.getFields())
                .filter(field -> field.getType() == int.class && Modifier.isStatic(field.getModifiers()))
                .map(UsageTest::intValue)
                .toList();
    }

    private static int intValue(Field field) {
        try {
            return field.getInt(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
