package tw.smartgov.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tw.smartgov.identity.NationalId;
import tw.smartgov.identity.certificate.CitizenCards;
import tw.smartgov.identity.citizen.CitizenRegister;

/**
 * Demo citizens of {@code smartgov dev}: enrolled in identity at the first start, each with a card
 * ({@code <data-dir>/cards/<national id>.p12}, valid two years) whose PIN is {@code
 * smartgov.identity.demo-card-pin} in {@code dev-secrets.properties}.
 */
@Component
@Profile("dev")
class IdentityDemo {
    private final CitizenRegister register;
    private final CitizenCards cards;
    private final Path folder;
    private final char[] pin;

    IdentityDemo(
            CitizenRegister register,
            CitizenCards cards,
            @Value("${smartgov.data-dir}") Path dataDir,
            @Value("${smartgov.identity.demo-card-pin}") String pin) {
        this.register = register;
        this.cards = cards;
        this.folder = dataDir.resolve("cards");
        this.pin = pin.toCharArray();
    }

    @EventListener(ApplicationReadyEvent.class)
    void issueCards() {
        try {
            Files.createDirectories(folder);
            for (var person : SyntheticCitizens.all()) {
                var id = new NationalId(person.nationalId());
                Path file = folder.resolve(id.value() + ".p12");
                if (Files.exists(file)) {
                    continue;
                }
                var citizen = register.enrol(id, person.name());
                byte[] card = cards.issue(citizen, Duration.ofDays(730), pin).pkcs12();
                Files.write(file, card);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo cards to " + folder, e);
        }
    }
}
