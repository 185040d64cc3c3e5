package tw.smartgov.trust.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

class CertificateAuthorityTest {
    private static final CertificateAuthority CA = TestPki.newCa();
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
    private static final String EKU_OID = "2.5.29.37";

    @Test
    void theRootIsSelfSignedWithPathLengthOneAndTheIssuingCaHasZero() throws Exception {
        X509Certificate root = CA.root();
        root.verify(root.getPublicKey());
        assertThat(root.getBasicConstraints()).isEqualTo(1);
        assertThat(root.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(19 * 365)));
        CA.issuingCertificate().verify(root.getPublicKey());
        assertThat(CA.issuingCertificate().getBasicConstraints()).isZero();
        assertThat(CA.caChain()).containsExactly(CA.issuingCertificate(), root);
    }

    @Test
    void aTlsServerCertificateHasServerAuthAndTheRequestedNames() throws Exception {
        var request = new IssuanceRequest(
                csr(), CertificateProfile.TLS_SERVER, List.of("ss1.gov.tw"), List.of("10.0.0.7"), null);
        List<X509Certificate> chain = CA.issue(request);
        X509Certificate leaf = chain.getFirst();

        assertThat(chain).hasSize(3).endsWith(CA.root());
        leaf.verify(CA.issuingCertificate().getPublicKey());
        assertThat(leaf.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(leaf.getKeyUsage()[0]).isTrue();
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getSubjectAlternativeNames())
                .extracting(n -> (Object) n.get(1))
                .containsExactlyInAnyOrder("ss1.gov.tw", "10.0.0.7");
        assertThat(leaf.getSerialNumber().signum()).isPositive();
        assertThat(leaf.getSerialNumber().bitLength()).isLessThanOrEqualTo(128);
    }

    @Test
    void aTlsPeerCertificateServesBothEndsOfMutualTls() throws Exception {
        var request =
                new IssuanceRequest(csr(), CertificateProfile.TLS_PEER, List.of("ss1.moi.gov.tw"), List.of(), null);
        X509Certificate leaf = CA.issue(request).getFirst();
        assertThat(leaf.getExtendedKeyUsage()).containsExactlyInAnyOrder(SERVER_AUTH, CLIENT_AUTH);
        assertThatThrownBy(() -> CA.issue(IssuanceRequest.of(csr(), CertificateProfile.TLS_PEER)))
                .hasMessageContaining("needs at least one dns name or ip address");
    }

    @Test
    void aTlsClientCertificateHasClientAuth() throws Exception {
        X509Certificate leaf = issue(CertificateProfile.TLS_CLIENT);
        assertThat(leaf.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(leaf.getKeyUsage()[0]).isTrue();
    }

    @Test
    void aSigningCertificateHasDigitalSignatureAndNonRepudiation() {
        X509Certificate leaf = issue(CertificateProfile.SIGNING);
        assertThat(Arrays.copyOf(leaf.getKeyUsage(), 3)).containsExactly(true, true, false);
    }

    @Test
    void aTimeStampingCertificateHasOnlyTheCriticalTimeStampingUsage() throws Exception {
        X509Certificate leaf = issue(CertificateProfile.TIME_STAMPING);
        assertThat(leaf.getExtendedKeyUsage()).containsExactly(TIME_STAMPING);
        assertThat(leaf.getCriticalExtensionOIDs()).contains(EKU_OID);
        assertThat(leaf.getKeyUsage()[0]).isTrue();
    }

    @Test
    void theDefaultValidityIsOneYearAndNeverBeyondTheIssuingCa() {
        X509Certificate oneYear = issue(CertificateProfile.SIGNING);
        assertThat(Duration.between(Instant.now(), oneYear.getNotAfter().toInstant())
                        .toDays())
                .isBetween(364L, 365L);

        var request = new IssuanceRequest(
                csr(), CertificateProfile.SIGNING, List.of(), List.of(), Duration.ofDays(100 * 365));
        X509Certificate leaf = CA.issue(request).getFirst();
        assertThat(leaf.getNotAfter()).isEqualTo(CA.issuingCertificate().getNotAfter());
    }

    @Test
    void everyIssuedCertificateIsRecorded() {
        X509Certificate leaf = issue(CertificateProfile.TLS_CLIENT);
        IssuedCertificate recorded = CA.find(leaf.getSerialNumber()).orElseThrow();
        assertThat(recorded.certificate()).isEqualTo(leaf);
        assertThat(recorded.profile()).isEqualTo(CertificateProfile.TLS_CLIENT);
        assertThat(recorded.revoked()).isFalse();
    }

    @Test
    void aDerCsrIsAcceptedLikePem() {
        byte[] der = TestPki.csrDer(TestPki.keyPair("EC", "secp384r1"), "CN=der");
        assertThat(CA.issue(IssuanceRequest.of(der, CertificateProfile.SIGNING)))
                .hasSize(3);
    }

    @Test
    void anRsa2048CsrIsAccepted() {
        byte[] csr = TestPki.csr(TestPki.keyPair("RSA", 2048), "CN=rsa");
        assertThat(CA.issue(IssuanceRequest.of(csr, CertificateProfile.TLS_CLIENT)))
                .hasSize(3);
    }

    @Test
    void aTamperedCsrIsRefusedBecauseItsSignatureNoLongerMatches() {
        byte[] der = TestPki.csrDer(TestPki.keyPair("EC", "secp256r1"), "CN=alice");
        int at = indexOf(der, "alice".getBytes(StandardCharsets.US_ASCII));
        der[at] = 'm';

        assertRefused(der, TrustError.CSR_SIGNATURE_INVALID, "signature does not match");
    }

    @Test
    void garbageIsRefusedAsAMalformedCsr() {
        assertRefused("hello, CA".getBytes(StandardCharsets.UTF_8), TrustError.MALFORMED_CSR, "not a PKCS#10");
        assertRefused(
                "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"
                        .getBytes(StandardCharsets.US_ASCII),
                TrustError.MALFORMED_CSR,
                "not a PKCS#10");
    }

    @Test
    void weakOrUnsupportedKeysAreRefused() {
        assertRefused(TestPki.csr(TestPki.keyPair("RSA", 1024), "CN=weak"), TrustError.UNSUPPORTED_KEY, "1024 bits");
        assertRefused(TestPki.csr(TestPki.keyPair("EC", "secp521r1"), "CN=p521"), TrustError.UNSUPPORTED_KEY, "curve");
        assertRefused(
                TestPki.csr(TestPki.keyPair("Ed25519", "none"), "CN=ed"), TrustError.UNSUPPORTED_KEY, "1.3.101.112");
    }

    @Test
    void aTlsServerCertificateWithoutAnyNameIsRefused() {
        assertThatThrownBy(() -> CA.issue(IssuanceRequest.of(csr(), CertificateProfile.TLS_SERVER)))
                .isInstanceOfSatisfying(
                        TrustException.class, e -> assertThat(e.error()).isEqualTo(TrustError.INVALID_ARGUMENT));
    }

    @Test
    void revokingAnUnknownSerialIsRefused() {
        assertThatThrownBy(() -> CA.revoke(java.math.BigInteger.TEN, RevocationReason.KEY_COMPROMISE))
                .isInstanceOfSatisfying(
                        TrustException.class, e -> assertThat(e.error()).isEqualTo(TrustError.UNKNOWN_CERTIFICATE));
    }

    private static X509Certificate issue(CertificateProfile profile) {
        return CA.issue(IssuanceRequest.of(csr(), profile)).getFirst();
    }

    private static byte[] csr() {
        KeyPair keys = TestPki.keyPair("EC", "secp256r1");
        return TestPki.csr(keys, "CN=test,O=SmartGov");
    }

    private static void assertRefused(byte[] csr, TrustError error, String message) {
        assertThatThrownBy(() -> CA.issue(IssuanceRequest.of(csr, CertificateProfile.SIGNING)))
                .isInstanceOfSatisfying(
                        TrustException.class, e -> assertThat(e.error()).isEqualTo(error))
                .hasMessageContaining(message);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
