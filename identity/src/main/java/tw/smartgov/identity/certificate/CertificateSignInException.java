package tw.smartgov.identity.certificate;

/** A refused certificate sign-in; the message is the error's name, never personal data. */
class CertificateSignInException extends RuntimeException {
    private final CertificateSignInError error;

    CertificateSignInException(CertificateSignInError error) {
        super(error.name(), null, false, false);
        this.error = error;
    }

    CertificateSignInError error() {
        return error;
    }
}
