package tw.smartgov.trust.ca;

/** What a certificate issued by the built-in CA may be used for (key usage and extended key usage). */
public enum CertificateProfile {
    /** TLS server authentication (security servers, central server). */
    TLS_SERVER,
    /** TLS client authentication (mutual TLS between security servers). */
    TLS_CLIENT,
    /** Both ends of mutual TLS (serverAuth and clientAuth): a T-Road security server. */
    TLS_PEER,
    /** Digital signatures over messages, documents and tree heads. */
    SIGNING,
    /** RFC 3161 time-stamping (critical extended key usage id-kp-timeStamping). */
    TIME_STAMPING
}
