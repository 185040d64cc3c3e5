package tw.smartgov.bench;

import java.io.PrintStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateValidator;
import tw.smartgov.trust.signature.BatchSignature;
import tw.smartgov.trust.signature.BatchSigner;
import tw.smartgov.trust.signature.BatchVerifier;
import tw.smartgov.trust.signature.JwsSigner;
import tw.smartgov.trust.signature.JwsVerifier;

/**
 * Messages per second signed and verified through Merkle batches, one thread: each message is
 * hashed (SHA-256, 1 KiB), batches are signed with one ES256 signature, and every message is then
 * verified (hash path plus one signature check per batch, with chain and CRL).
 */
public final class BatchBench {
    private static final int MESSAGES = 400_000;

    private BatchBench() {}

    public static void main(String[] args) {
        run(System.out);
    }

    public static void run(PrintStream out) {
        CertificateAuthority ca = SignatureBench.throwawayCa();
        var signer = new BatchSigner(new JwsSigner(SignatureBench.signingIdentity(ca)));
        var verifier =
                new BatchVerifier(new JwsVerifier(new CertificateValidator(List.of(ca.root()), ca.revocationSource())));
        byte[][] messages = new byte[4096][1024];
        var random = new Random(7);
        for (byte[] m : messages) {
            random.nextBytes(m);
        }
        out.printf("Merkle-batched ES256, 1 KiB messages, one thread, %,d messages per run%n", MESSAGES);
        for (int batch : new int[] {64, 256, 1024}) {
            round(signer, verifier, messages, batch, MESSAGES / 4); // warm-up
            round(out, signer, verifier, messages, batch);
        }
    }

    private static void round(
            PrintStream out, BatchSigner signer, BatchVerifier verifier, byte[][] messages, int batch) {
        long[] nanos = round(signer, verifier, messages, batch, MESSAGES);
        out.printf(
                "batch %5d: signed %,10.0f msg/s   verified %,10.0f msg/s%n",
                batch, MESSAGES * 1e9 / nanos[0], MESSAGES * 1e9 / nanos[1]);
    }

    /** @return nanoseconds spent signing and verifying */
    private static long[] round(BatchSigner signer, BatchVerifier verifier, byte[][] messages, int batch, int total) {
        MessageDigest sha256 = sha256();
        long signing = 0;
        long verifying = 0;
        for (int done = 0; done < total; done += batch) {
            long t0 = System.nanoTime();
            List<byte[]> digests = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                digests.add(sha256.digest(messages[(done + i) % messages.length]));
            }
            List<BatchSignature> signatures = signer.sign(digests);
            long t1 = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                byte[] digest = sha256.digest(messages[(done + i) % messages.length]);
                verifier.verify(digest, signatures.get(i));
            }
            long t2 = System.nanoTime();
            signing += t1 - t0;
            verifying += t2 - t1;
        }
        return new long[] {signing, verifying};
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
