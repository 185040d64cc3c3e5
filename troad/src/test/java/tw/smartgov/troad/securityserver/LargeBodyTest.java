package tw.smartgov.troad.securityserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tw.smartgov.troad.protocol.XRoadHeaders;

/**
 * 50 MB bodies stream through both security servers with bounded memory. Measured as the growth
 * of the old generation's peak (where a body-sized array would land, G1 allocating it as
 * humongous) and of the heap retained after the transfer.
 */
class LargeBodyTest {
    private static final long SIZE = 50L * 1024 * 1024;
    private static final long ALLOWED_GROWTH = 8L * 1024 * 1024;
    private final TRoadNetwork t = TRoadNetwork.shared();

    @AfterEach
    void reset() {
        t.reset();
    }

    @Test
    void a50MegabyteRequestBodyStreamsThroughWithBoundedMemory() throws Exception {
        var memory = new HeapWatch();
        var response = t.send(t.request(t.a, "/r1/TW/GOV/B/registry/person/sink")
                .header(XRoadHeaders.CLIENT, TRoadNetwork.APP.encoded())
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Backend.GeneratedStream(SIZE)))
                .build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(SIZE + " " + sha256(new Backend.GeneratedStream(SIZE)));
        memory.assertGrowthBelow(ALLOWED_GROWTH, "request");
        assertThat(t.clientLog.recordsOf(response).getFirst().request().body()).isNull();
    }

    @Test
    void a50MegabyteResponseBodyStreamsThroughWithBoundedMemory() throws Exception {
        var memory = new HeapWatch();
        var response = t.fixtureHttp()
                .send(
                        t.request(t.a, "/r1/TW/GOV/B/registry/person/big?size=" + SIZE)
                                .header(XRoadHeaders.CLIENT, TRoadNetwork.APP.encoded())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(SIZE);
        try (InputStream body = response.body()) {
            assertThat(sha256(body)).isEqualTo(sha256(new Backend.GeneratedStream(SIZE)));
        }
        memory.assertGrowthBelow(ALLOWED_GROWTH, "response");
    }

    private static String sha256(InputStream in) throws IOException {
        MessageDigest sha = Backend.sha256();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Old-generation peak and retained heap, relative to when it was created. */
    private static final class HeapWatch {
        private final List<MemoryPoolMXBean> oldPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured"))
                .toList();
        private final long oldBefore;
        private final long retainedBefore;

        HeapWatch() {
            System.gc();
            oldPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            oldBefore = oldPools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            retainedBefore = used();
        }

        void assertGrowthBelow(long allowed, String what) {
            long oldPeakGrowth =
                    oldPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - oldBefore;
            System.gc();
            long retainedGrowth = used() - retainedBefore;
            System.out.printf(
                    "50 MB %s: old-generation peak grew by %.1f MB, retained heap by %.1f MB (pools %s)%n",
                    what,
                    oldPeakGrowth / 1048576.0,
                    retainedGrowth / 1048576.0,
                    oldPools.stream().map(MemoryPoolMXBean::getName).toList());
            assertThat(oldPeakGrowth).isLessThan(allowed);
            assertThat(retainedGrowth).isLessThan(allowed);
        }

        private static long used() {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }
}
