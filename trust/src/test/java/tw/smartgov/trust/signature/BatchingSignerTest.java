package tw.smartgov.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchingSignerTest {
    static final BatchSigner SIGNER = BatchSignatureProperties.SIGNER;

    @Test
    void aLoneMessageIsSignedAtOnceEvenWhenLingeringIsAllowed() throws Exception {
        var pacing = new SignaturePacing(64, Duration.ofSeconds(1), 1_000, 32);
        try (var signer = new BatchingSigner(SIGNER, pacing, "lone")) {
            var digest = BatchSignatureProperties.digests(1, 1).getFirst();
            // the idle signer measures a rate far below 1,000/s, so it does not wait the second
            BatchSignature signature = signer.sign(digest).get(500, TimeUnit.MILLISECONDS);
            assertThat(signature.size()).isEqualTo(1);
            BatchSignatureProperties.VERIFIER.verify(digest, signature);
        }
    }

    @Test
    void aLoneMessageIsSignedOnTheCallersThreadUnlessOthersAreExpected() throws Exception {
        var pacing = new SignaturePacing(64, Duration.ofSeconds(1), 1_000, 32);
        var digests = BatchSignatureProperties.digests(2, 6);
        try (var signer = new BatchingSigner(SIGNER, pacing, "inline")) {
            var signed = signer.expect().sign(digests.get(0));
            // signed before sign() returned: no hand-off to the signing thread and back
            assertThat(signed).isCompleted();
            BatchSignatureProperties.VERIFIER.verify(digests.get(0), signed.get());

            var other = signer.expect();
            var waiting = signer.sign(digests.get(1));
            // left to the signing thread, which waits for the announced message
            assertStaysUndone(waiting, Duration.ofMillis(100));
            other.close();
            assertThat(waiting.get(500, TimeUnit.MILLISECONDS).size()).isEqualTo(1);
            assertThat(signer.signedBatches()).isEqualTo(2);
        }
    }

    @Test
    void aboveTheSignAloneRateMessagesGoThroughTheSigningThread() throws Exception {
        var pacing = new SignaturePacing(512, Duration.ZERO, Double.MAX_VALUE, 1, 100);
        var digests = BatchSignatureProperties.digests(64, 7);
        try (var signer = new BatchingSigner(SIGNER, pacing, "busy")) {
            List<CompletableFuture<BatchSignature>> futures = new ArrayList<>();
            // one message every 0.5 ms (2,000/s): once the signer has measured that rate, far above
            // 100/s, messages are handed to the signing thread, so not yet signed when sign() returns
            long start = System.nanoTime();
            int handedOver = 0;
            for (int i = 0; handedOver < 20; i++) {
                assertThat(System.nanoTime() - start)
                        .as("messages are still signed on the caller's thread")
                        .isLessThan(TimeUnit.SECONDS.toNanos(10));
                while (System.nanoTime() < start + i * 500_000L) {
                    Thread.onSpinWait();
                }
                var future = signer.sign(digests.get(i % digests.size()));
                handedOver = future.isDone() ? 0 : handedOver + 1;
                futures.add(future);
            }
            for (int i = 0; i < futures.size(); i++) {
                BatchSignatureProperties.VERIFIER.verify(
                        digests.get(i % digests.size()), futures.get(i).get(5, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void underSteadyLoadMessagesWaitToShareOneSignature() throws Exception {
        var lingering = new SignaturePacing(512, Duration.ofMillis(50), 0, 64);
        var digests = BatchSignatureProperties.digests(600, 2);
        try (var signer = new BatchingSigner(SIGNER, lingering, "load")) {
            List<CompletableFuture<BatchSignature>> futures = sendSteadily(signer, digests);
            for (int i = 0; i < digests.size(); i++) {
                BatchSignatureProperties.VERIFIER.verify(
                        digests.get(i), futures.get(i).get(5, TimeUnit.SECONDS));
            }
            assertThat(signer.signedMessages()).isEqualTo(600);
            // one message every 0.5 ms with up to 50 ms of lingering: far fewer signatures than messages
            assertThat(signer.signedBatches()).isLessThan(100);
        }
    }

    @Test
    void withoutLingeringEachMessageSentAloneGetsItsOwnSignature() throws Exception {
        var digests = BatchSignatureProperties.digests(50, 3);
        try (var signer = new BatchingSigner(SIGNER, SignaturePacing.IMMEDIATE, "alone")) {
            for (byte[] digest : digests) {
                assertThat(signer.sign(digest).get(5, TimeUnit.SECONDS).size()).isEqualTo(1);
            }
            // the control for the test above: there, far fewer signatures than messages
            assertThat(signer.signedBatches()).isEqualTo(50);
        }
    }

    @Test
    void aBatchWaitsForAnnouncedMessagesAndSharesItsSignatureWithThem() throws Exception {
        var patient = new SignaturePacing(64, Duration.ofSeconds(1), Double.MAX_VALUE, 64);
        var digests = BatchSignatureProperties.digests(2, 4);
        try (var signer = new BatchingSigner(SIGNER, patient, "announced")) {
            var first = signer.expect();
            var second = signer.expect();
            assertThat(signer.expectedMessages()).isEqualTo(2);
            var firstSigned = first.sign(digests.get(0));
            // waits for the announced second message
            assertStaysUndone(firstSigned, Duration.ofMillis(100));
            var secondSigned = second.sign(digests.get(1));
            BatchSignature a = firstSigned.get(500, TimeUnit.MILLISECONDS);
            BatchSignature b = secondSigned.get(500, TimeUnit.MILLISECONDS);
            assertThat(a.rootJws()).isEqualTo(b.rootJws());
            assertThat(a.size()).isEqualTo(2);
            assertThat(signer.expectedMessages()).isZero();
        }
    }

    @Test
    void fewerAnnouncedMessagesThanWorthWaitingForAreNotWaitedFor() throws Exception {
        // as patient as the test above, but waiting only while 3 or more messages are announced
        var moderate = new SignaturePacing(64, Duration.ofSeconds(1), Double.MAX_VALUE, 64, 0, 3);
        var digests = BatchSignatureProperties.digests(2, 6);
        try (var signer = new BatchingSigner(SIGNER, moderate, "moderate")) {
            var first = signer.expect();
            var second = signer.expect();
            BatchSignature a = first.sign(digests.get(0)).get(500, TimeUnit.MILLISECONDS);
            assertThat(a.size())
                    .as("signed without the announced second message")
                    .isEqualTo(1);
            BatchSignature b = second.sign(digests.get(1)).get(500, TimeUnit.MILLISECONDS);
            assertThat(b.rootJws()).isNotEqualTo(a.rootJws());
            assertThat(signer.expectedMessages()).isZero();
        }
    }

    @Test
    void aMessageThatWillNotComeReleasesTheBatch() throws Exception {
        var patient = new SignaturePacing(64, Duration.ofSeconds(1), Double.MAX_VALUE, 64);
        try (var signer = new BatchingSigner(SIGNER, patient, "withdrawn")) {
            var first = signer.expect();
            var withdrawn = signer.expect();
            var signed = first.sign(BatchSignatureProperties.digests(1, 5).getFirst());
            assertStaysUndone(signed, Duration.ofMillis(50)); // held for the announced message
            withdrawn.close();
            withdrawn.close(); // idempotent: the count must not go below zero
            assertThat(signed.get(500, TimeUnit.MILLISECONDS).size()).isEqualTo(1);
            assertThat(signer.expectedMessages()).isZero();
        }
    }

    @Test
    void theLingerGrowsWithTheRateUpToItsLimit() {
        var pacing = new SignaturePacing(512, Duration.ofMillis(3), 1_000, 32);
        assertThat(pacing.lingerNanos(0)).isZero();
        assertThat(pacing.lingerNanos(999)).isZero();
        // at 2,000/s, 31 more messages take 15.5 ms: capped at 3 ms
        assertThat(pacing.lingerNanos(2_000)).isEqualTo(3_000_000);
        // at 62,000/s they take 0.5 ms
        assertThat(pacing.lingerNanos(62_000)).isEqualTo(500_000);
        assertThat(SignaturePacing.IMMEDIATE.lingerNanos(1e9)).isZero();
    }

    @Test
    void nonsensicalPacingIsRefused() {
        assertThatThrownBy(() -> new SignaturePacing(0, Duration.ZERO, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBatch");
        assertThatThrownBy(() -> new SignaturePacing(16, Duration.ofMillis(-1), 0, 1))
                .hasMessageContaining("maxLinger");
        assertThatThrownBy(() -> new SignaturePacing(16, Duration.ZERO, 0, 17)).hasMessageContaining("targetBatch");
        assertThatThrownBy(() -> new SignaturePacing(16, Duration.ZERO, 0, 1, Double.NaN))
                .hasMessageContaining("signAloneBelowRate");
        assertThatThrownBy(() -> new SignaturePacing(16, Duration.ZERO, 0, 1, 0, 0))
                .hasMessageContaining("awaitAnnouncedFrom");
    }

    @Test
    void aClosedSignerRefusesNewMessages() throws Exception {
        var signer = new BatchingSigner(SIGNER, SignaturePacing.ADAPTIVE, "closed");
        signer.close();
        assertThat(signer.sign(new byte[32])).isCompletedExceptionally();
    }

    // One message every 0.5 ms from a single thread (2,000 messages/s), like a busy security server.
    private static List<CompletableFuture<BatchSignature>> sendSteadily(BatchingSigner signer, List<byte[]> digests) {
        List<CompletableFuture<BatchSignature>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < digests.size(); i++) {
            long due = start + i * 500_000L;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            futures.add(signer.sign(digests.get(i)));
        }
        return futures;
    }

    /**
     * The message is held: its signature stays undone for all of {@code window}. The signer reads no
     * clock it could be given (its lingering is timed by the JDK's waits), so this watches real time.
     */
    static void assertStaysUndone(CompletableFuture<?> signature, Duration window) {
        await().pollInterval(Duration.ofMillis(5))
                .during(window)
                .atMost(window.multipliedBy(5))
                .until(() -> !signature.isDone());
    }
}
