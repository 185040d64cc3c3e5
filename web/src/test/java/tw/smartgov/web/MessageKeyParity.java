package tw.smartgov.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * zh-TW and en in step: every key of every {@code i18n/*-messages} bundle on the classpath exists,
 * not blank, in both languages, and no key is defined by two bundles (the first would silently win).
 * Shared with the tests of every module that has pages (test-jar).
 */
public final class MessageKeyParity {
    private MessageKeyParity() {}

    /** The problems of the bundles in {@code i18n}; empty when they are in step. */
    public static List<String> problems() {
        return problems(MessageBundles.DIRECTORY);
    }

    static List<String> problems(String directory) {
        var resolver = new PathMatchingResourcePatternResolver();
        List<String> problems = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        try {
            List<String> basenames = MessageBundles.basenames(resolver, directory);
            if (basenames.isEmpty()) {
                problems.add("no message bundles in " + directory);
            }
            for (String basename : basenames) {
                Properties chinese = load(resolver, basename + ".properties");
                Properties english = load(resolver, basename + "_en.properties");
                compare(basename, chinese, english, problems);
                for (String key : chinese.stringPropertyNames()) {
                    String other = owners.putIfAbsent(key, basename);
                    if (other != null) {
                        problems.add(key + " is in both " + other + " and " + basename);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private static void compare(String basename, Properties chinese, Properties english, List<String> problems) {
        for (String key : new TreeSet<>(chinese.stringPropertyNames())) {
            if (!english.containsKey(key)) {
                problems.add(basename + ": " + key + " has no English (en)");
            }
        }
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            if (!chinese.containsKey(key)) {
                problems.add(basename + ": " + key + " has no Traditional Chinese (zh-TW)");
            }
        }
        for (var bundle : List.of(chinese, english)) {
            for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
                if (bundle.getProperty(key).isBlank()) {
                    problems.add(basename + ": " + key + " is blank");
                }
            }
        }
    }

    private static Properties load(PathMatchingResourcePatternResolver resolver, String path) throws IOException {
        var properties = new Properties();
        for (Resource file : resolver.getResources("classpath*:" + path)) {
            try (InputStream in = file.getInputStream()) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return properties;
    }
}
