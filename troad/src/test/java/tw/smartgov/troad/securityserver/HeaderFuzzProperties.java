package tw.smartgov.troad.securityserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tw.smartgov.troad.protocol.XRoadHeaders;

/** Header fuzzing through both security servers to the echo backend. */
class HeaderFuzzProperties {
    private static final String ECHO = "/r1/TW/GOV/B/registry/person/echo";
    private static final List<String> FILTERED = List.of("Keep-Alive", "Proxy-Connection", "Proxy-Authorization");
    private final TRoadFixture t = TRoadFixture.shared();

    @Property(tries = 60)
    void randomHeadersPassUnchangedExceptTheFilteredOnes(
            @ForAll("headers") Map<String, String> headers, @ForAll("filtered") List<String> filtered) {
        var request = t.request(t.a, ECHO).header(XRoadHeaders.CLIENT, TRoadFixture.APP.encoded());
        headers.forEach(request::header);
        filtered.forEach(name -> request.header(name, "drop-me"));

        var response = t.send(request.GET().build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        headers.forEach((name, value) ->
                assertThat(response.body()).contains("\n" + name.toLowerCase(Locale.ROOT) + ": " + value + "\n"));
        assertThat(response.body()).doesNotContain("drop-me");
    }

    @Property(tries = 100)
    void garbageClientHeadersAlwaysGiveATyped400(@ForAll("garbageClients") String client) {
        Assume.that(!client.equals(TRoadFixture.APP.encoded()) && !client.equals(TRoadFixture.OTHER.encoded()));
        HttpRequest request;
        try {
            request = t.request(t.a, ECHO)
                    .header(XRoadHeaders.CLIENT, client)
                    .GET()
                    .build();
        } catch (IllegalArgumentException e) {
            Assume.that(false); // the JDK client itself refuses to send this header
            return;
        }

        var response = t.send(request);

        assertThat(response.statusCode()).as(client + " -> " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue(XRoadHeaders.ERROR).orElseThrow())
                .isIn("Client.BadRequest", "Client.InvalidClient");
        assertThat(response.body()).startsWith("{\"type\":\"Client.");
    }

    @Provide
    Arbitrary<Map<String, String>> headers() {
        Arbitrary<String> names = Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+.^_`|~-")
                .ofMinLength(1)
                .ofMaxLength(20)
                .map(s -> "X-F-" + s);
        Arbitrary<String> values = Arbitraries.strings()
                .withCharRange('!', '~')
                .withChars(' ')
                .ofMinLength(1)
                .ofMaxLength(40)
                .map(String::strip)
                .filter(s -> !s.isEmpty());
        return Arbitraries.maps(names, values)
                .ofMinSize(1)
                .ofMaxSize(8)
                .filter(m -> m.keySet().stream()
                                .map(k -> k.toLowerCase(Locale.ROOT))
                                .distinct()
                                .count()
                        == m.size())
                .map(LinkedHashMap::new);
    }

    @Provide
    Arbitrary<List<String>> filtered() {
        return Arbitraries.of(FILTERED).list().uniqueElements().ofMaxSize(FILTERED.size());
    }

    @Provide
    Arbitrary<String> garbageClients() {
        Arbitrary<String> ascii =
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60).map(String::strip);
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("", " ", "%", "%2", "%zz", "%2F", "..", ";", ":", "\\", "TW", "GOV", "A", "app"),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(8),
                Arbitraries.strings().withChars('x').ofLength(300));
        Arbitrary<String> paths = segment.list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("/", parts));
        return Arbitraries.oneOf(ascii, paths);
    }
}
