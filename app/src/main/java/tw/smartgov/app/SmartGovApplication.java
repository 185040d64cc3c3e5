package tw.smartgov.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring application behind every server role; scans all SmartGov modules. */
@SpringBootApplication(scanBasePackages = "tw.smartgov")
public class SmartGovApplication {}
