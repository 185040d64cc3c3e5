package tw.smartgov.web;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The message bundles on the classpath: each module puts {@code i18n/<module>-messages.properties}
 * (Traditional Chinese, the default) and {@code i18n/<module>-messages_en.properties} in its
 * resources; keys start with the module's name so that bundles never compete for a key.
 */
final class MessageBundles {
    static final String DIRECTORY = "i18n";
    private static final Pattern FILE = Pattern.compile("(.+-messages)(_[A-Za-z]{2,3}(_[A-Za-z0-9]+)?)?\\.properties");

    private MessageBundles() {}

    /** Base names ({@code i18n/web-messages}, …) of every bundle in {@code directory}, sorted. */
    static List<String> basenames(ResourcePatternResolver resolver, String directory) throws IOException {
        var names = new TreeSet<String>();
        for (Resource file : resolver.getResources("classpath*:" + directory + "/*-messages*.properties")) {
            var matcher = FILE.matcher(Objects.requireNonNullElse(file.getFilename(), ""));
            if (matcher.matches()) {
                names.add(directory + "/" + matcher.group(1));
            }
        }
        return List.copyOf(names);
    }
}
