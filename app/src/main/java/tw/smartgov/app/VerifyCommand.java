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
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tw.smartgov.troad.messagelog.MessageArchiveVerifier;
import tw.smartgov.troad.messagelog.MessageEvidenceVerifier;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.log.LogEvidence;
import tw.smartgov.trust.log.LogEvidenceVerifier;

/** {@code smartgov verify}: offline checks of evidence exported by a running SmartGov. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Checks proofs and evidence offline, without contacting any server.",
        subcommands = {
            VerifyCommand.Inclusion.class,
            VerifyCommand.Consistency.class,
            VerifyCommand.Evidence.class,
            VerifyCommand.Archive.class
        })
final class VerifyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every check takes: the evidence file, the trust anchor, an optional newer CRL. */
    abstract static class ProofCheck implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--anchor",
                required = true,
                description = {
                    "Root certificate to trust (PEM), e.g. from GET /trust/ca/root.pem. Repeat it for evidence",
                    "of a security server whose own CA differs from the central CA."
                })
        List<Path> anchors;

        @Option(
                names = "--crl",
                description = "A CRL (DER, from GET /trust/ca/crl) besides those inside the evidence; repeatable.")
        List<Path> crls = List.of();

        @Parameters(paramLabel = "FILE", description = "The evidence JSON exported by the node.")
        Path file;

        /** What passed, for a person to read, and a one-line summary of what was verified. */
        record Outcome(List<String> checks, String summary) {
            static Outcome of(LogEvidenceVerifier.Result result) {
                return new Outcome(result.checks(), "log '" + result.log() + "', tree size " + result.treeSize());
            }
        }

        abstract Outcome check(List<X509Certificate> anchors, List<X509CRL> crls, String json);

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            try {
                var result = check(certificates(anchors), crls(crls), Files.readString(file, StandardCharsets.UTF_8));
                result.checks().forEach(check -> out.println("  ok  " + check));
                out.println("VERIFIED: " + file + " (" + result.summary() + ")");
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
        Outcome check(List<X509Certificate> anchors, List<X509CRL> crls, String json) {
            return Outcome.of(new LogEvidenceVerifier(anchors, crls)
                    .verify(LogEvidence.fromJson(json, LogEvidence.Inclusion.class)));
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
        Outcome check(List<X509Certificate> anchors, List<X509CRL> crls, String json) {
            return Outcome.of(new LogEvidenceVerifier(anchors, crls)
                    .verify(LogEvidence.fromJson(json, LogEvidence.Consistency.class)));
        }
    }

    @Command(
            name = "evidence",
            mixinStandardHelpOptions = true,
            description = {
                "Checks T-Road message-log evidence: for each record its inclusion in the security server's",
                "log under a signed, time-stamped tree head, the request's and response's batch signatures",
                "(chains valid at the time-stamp's time), and the digests of the logged header parts and bodies;",
                "from GET /admin/troad/message-log/{log}/evidence?xRoadId=ID."
            })
    static final class Evidence extends ProofCheck {
        @Override
        Outcome check(List<X509Certificate> anchors, List<X509CRL> crls, String json) {
            var result = new MessageEvidenceVerifier(anchors, crls).verify(json);
            String id = result.xRoadId() == null ? "" : ", X-Road-Id " + result.xRoadId();
            return new Outcome(result.checks(), "log '" + result.log() + "', " + result.records() + " record(s)" + id);
        }
    }

    @Command(
            name = "archive",
            mixinStandardHelpOptions = true,
            description = {
                "Checks T-Road message archive files (from the security server's archive folder): that they",
                "chain by SHA-256, oldest first, and that every record in them verifies as evidence does."
            })
    static final class Archive implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--anchor", required = true, description = "Root certificate to trust (PEM); repeatable.")
        List<Path> anchors;

        @Option(names = "--crl", description = "A CRL (DER) besides those inside the archive; repeatable.")
        List<Path> crls = List.of();

        @Option(
                names = "--previous-sha256",
                description = "SHA-256 (hex) the first file must name, when it is not the log's first archive.")
        @Nullable
        String previous;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Archive files, oldest first.")
        List<Path> files;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            try {
                var verifier = new MessageArchiveVerifier(certificates(anchors), crls(crls));
                List<byte[]> contents = new java.util.ArrayList<>();
                for (Path file : files) {
                    contents.add(Files.readAllBytes(file));
                }
                var result = verifier.verify(contents, previous);
                result.checks().forEach(check -> out.println("  ok  " + check));
                out.println("VERIFIED: " + result.files() + " archive file(s), " + result.records()
                        + " record(s); last SHA-256 " + result.lastSha256());
                return 0;
            } catch (TrustException e) {
                err.println("NOT VERIFIED: " + e.getMessage() + " [" + e.error() + "]");
                return 1;
            } catch (IOException | CertificateException | CRLException e) {
                err.println("cannot read input: " + e.getMessage());
                return 2;
            }
        }
    }

    static List<X509Certificate> certificates(List<Path> pems) throws IOException, CertificateException {
        List<X509Certificate> certificates = new java.util.ArrayList<>();
        for (Path pem : pems) {
            certificates.add(certificate(pem));
        }
        return certificates;
    }

    static List<X509CRL> crls(List<Path> ders) throws IOException, CRLException, CertificateException {
        List<X509CRL> crls = new java.util.ArrayList<>();
        for (Path der : ders) {
            crls.add(crl(der));
        }
        return crls;
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
