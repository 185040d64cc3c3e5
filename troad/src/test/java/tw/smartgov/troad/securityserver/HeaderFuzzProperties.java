package tw.smartgov.troad.securityserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tw.smartgov.troad.protocol.XRoadHeaders;
import tw.smartgov.trust.testing.RandomCases;
import tw.smartgov.trust.testing.RandomCases.Generator;

/** Header fuzzing through both security servers to the echo backend. */
class HeaderFuzzProperties {
    private static final String ECHO = "/r1/TW/GOV/B/registry/person/echo";
    private static final List<String> FILTERED = List.of("Keep-Alive", "Proxy-Connection", "Proxy-Authorization");
    private static final String TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+.^_`|~-";
    private static final String VISIBLE = visible();
    private final TRoadNetwork t = TRoadNetwork.shared();

    @Test
    void randomHeadersPassUnchangedExceptTheFilteredOnes() {
        RandomCases.check(60, random -> {
            Map<String, String> headers = headers(random);
            List<String> filtered = filtered(random);
            var request = t.request(t.a, ECHO).header(XRoadHeaders.CLIENT, TRoadNetwork.APP.encoded());
            headers.forEach(request::header);
            filtered.forEach(name -> request.header(name, "drop-me"));

            var response = t.send(request.GET().build());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            headers.forEach((name, value) ->
                    assertThat(response.body()).contains("\n" + name.toLowerCase(Locale.ROOT) + ": " + value + "\n"));
            assertThat(response.body()).doesNotContain("drop-me");
        });
    }

    @Test
    void garbageClientHeadersAlwaysGiveATyped400() {
        RandomCases.check(100, random -> {
            String client = garbageClient(random);
            if (client.equals(TRoadNetwork.APP.encoded()) || client.equals(TRoadNetwork.OTHER.encoded())) {
                return;
            }
            HttpRequest request;
            try {
                request = t.request(t.a, ECHO)
                        .header(XRoadHeaders.CLIENT, client)
                        .GET()
                        .build();
            } catch (IllegalArgumentException e) {
                return; // the JDK client itself refuses to send this header
            }

            var response = t.send(request);

            assertThat(response.statusCode())
                    .as(client + " -> " + response.body())
                    .isEqualTo(400);
            assertThat(response.headers().firstValue(XRoadHeaders.ERROR).orElseThrow())
                    .isIn("Client.BadRequest", "Client.InvalidClient");
            assertThat(response.body()).startsWith("{\"type\":\"Client.");
        });
    }

    private static String visible() {
        var chars = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            chars.append(c);
        }
        return chars.toString();
    }

    /** 1 to 8 headers {@code X-F-*} with distinct names (ignoring case) and printable values. */
    private static Map<String, String> headers(Generator random) {
        Map<String, String> headers = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        int count = random.intBetween(1, 8);
        while (headers.size() < count) {
            String name = "X-F-" + random.string(TOKEN, 1, 20);
            String value = random.string(VISIBLE + " ", 1, 40).strip();
            if (!value.isEmpty() && names.add(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    /** Some of the filtered headers, each at most once, in any order. */
    private static List<String> filtered(Generator random) {
        List<String> all = new ArrayList<>(FILTERED);
        Collections.shuffle(all, new Random(random.nextInt(Integer.MAX_VALUE)));
        return all.subList(0, random.intBetween(0, all.size()));
    }

    private static String garbageClient(Generator random) {
        if (random.bool()) {
            return random.string(VISIBLE + " ", 0, 60).strip();
        }
        int segments = random.intBetween(1, 6);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < segments; i++) {
            parts.add(
                    switch (random.nextInt(3)) {
                        case 0 ->
                            random.pick(
                                    "", " ", "%", "%2", "%zz", "%2F", "..", ";", ":", "\\", "TW", "GOV", "A", "app");
                        case 1 -> random.string(VISIBLE, 0, 8);
                        default -> "x".repeat(300);
                    });
        }
        return String.join("/", parts);
    }
}
