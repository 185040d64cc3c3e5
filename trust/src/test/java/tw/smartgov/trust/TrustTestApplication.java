package tw.smartgov.trust;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The trust module alone, as a Spring application, for its integration tests. */
@SpringBootApplication
public class TrustTestApplication {}
