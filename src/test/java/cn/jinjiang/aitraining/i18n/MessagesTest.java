package cn.jinjiang.aitraining.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Chinese first, English complete: both bundles hold the same keys, and every key a template uses. */
class MessagesTest {
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties zh = load("zh");
        Properties en = load("en");
        assertEquals(new TreeSet<>(zh.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
        for (String key : zh.stringPropertyNames()) {
            assertTrue(!zh.getProperty(key).isBlank() && !en.getProperty(key).isBlank(), key);
        }
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> keys = load("zh").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) missing.add(file.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void englishTextIsTranslatedAndHasNoMessageFormatQuotes() throws IOException {
        Properties en = load("en");
        Set<String> wrong = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            String text = en.getProperty(key);
            // An untranslated string is mostly Chinese; examples of Chinese input (2.77亿) are fine.
            // "lang.switch" names the other language in its own script.
            long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
            long latin = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
            if (!key.equals("lang.switch") && han > latin) wrong.add(key + " looks untranslated: " + text);
            if (text.contains("'")) wrong.add(key + " has an ASCII apostrophe, which MessageFormat eats");
        }
        assertEquals(Set.of(), wrong);
    }

    private static Properties load(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream("i18n/messages_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
