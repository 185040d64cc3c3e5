package tw.smartgov.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.log.LogEvidence;
import tw.smartgov.trust.log.LogEvidenceVerifier;

/** {@code smartgov verify}: offline checks of evidence exported by a running SmartGov. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Checks proofs and evidence offline, without contacting any server.",
        subcommands = {VerifyCommand.Inclusion.class, VerifyCommand.Consistency.class})
final class VerifyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What both proof checks take: the evidence file, the trust anchor, an optional newer CRL. */
    abstract static class ProofCheck implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--anchor",
                required = true,
                description = "Root certificate to trust (PEM), e.g. from GET /trust/ca/root.pem.")
        Path anchor;

        @Option(
                names = "--crl",
                description = "A newer CRL (DER, from GET /trust/ca/crl) than the one inside the evidence.")
        @Nullable
        Path crl;

        @Parameters(paramLabel = "FILE", description = "The evidence JSON exported by the node.")
        Path file;

        abstract LogEvidenceVerifier.Result check(LogEvidenceVerifier verifier, String json);

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            try {
                var verifier = new LogEvidenceVerifier(certificate(anchor), crl == null ? null : crl(crl));
                var result = check(verifier, Files.readString(file, StandardCharsets.UTF_8));
                result.checks().forEach(check -> out.println("  ok  " + check));
                out.println("VERIFIED: " + file + " (log '" + result.log() + "', tree size " + result.treeSize() + ")");
                return 0;
            } catch (TrustException e) {
                err.println("NOT VERIFIED: " + file + ": " + e.getMessage() + " [" + e.error() + "]");
                return 1;
            } catch (IOException | CertificateException | CRLException e) {
                err.println("cannot read input: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(
            name = "inclusion",
            mixinStandardHelpOptions = true,
            description = {
                "Checks that an entry is in a transparency log: the signed, time-stamped tree head and the",
                "RFC 9162 inclusion proof, from GET /trust/logs/{log}/proofs/inclusion?index=N."
            })
    static final class Inclusion extends ProofCheck {
        @Override
        LogEvidenceVerifier.Result check(LogEvidenceVerifier verifier, String json) {
            return verifier.verify(LogEvidence.fromJson(json, LogEvidence.Inclusion.class));
        }
    }

    @Command(
            name = "consistency",
            mixinStandardHelpOptions = true,
            description = {
                "Checks that a log only grew between two signed tree heads (RFC 9162 consistency proof),",
                "from GET /trust/logs/{log}/proofs/consistency?from=N[&to=M]."
            })
    static final class Consistency extends ProofCheck {
        @Override
        LogEvidenceVerifier.Result check(LogEvidenceVerifier verifier, String json) {
            return verifier.verify(LogEvidence.fromJson(json, LogEvidence.Consistency.class));
        }
    }

    static X509Certificate certificate(Path pem) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    static X509CRL crl(Path der) throws IOException, CRLException, CertificateException {
        try (InputStream in = Files.newInputStream(der)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
    }
}
