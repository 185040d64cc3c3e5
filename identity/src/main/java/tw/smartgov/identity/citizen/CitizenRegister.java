package tw.smartgov.identity.citizen;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tw.smartgov.identity.NationalId;
import tw.smartgov.identity.internal.IdentityDatabase;

/** The people who can sign in (table {@code identity.citizen}). Thread-safe. */
@Component
public class CitizenRegister {
    private final JdbcTemplate jdbc;

    CitizenRegister(IdentityDatabase database) {
        this.jdbc = database.jdbc();
    }

    /** Enrols a person, or returns the existing entry for that number (the name is not changed). */
    public Citizen enrol(NationalId nationalId, String name) {
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a name has 1 to 200 characters");
        }
        return find(nationalId).orElseGet(() -> {
            var citizen = new Citizen(UUID.randomUUID(), nationalId, name.strip());
            jdbc.update(
                    "INSERT INTO citizen (id, national_id, name, enrolled_at) VALUES (?, ?, ?, ?)",
                    citizen.id(),
                    nationalId.value(),
                    citizen.name(),
                    Timestamp.from(Instant.now()));
            return citizen;
        });
    }

    public Optional<Citizen> find(NationalId nationalId) {
        return jdbc
                .query("SELECT * FROM citizen WHERE national_id = ?", CitizenRegister::row, nationalId.value())
                .stream()
                .findFirst();
    }

    public Optional<Citizen> find(UUID id) {
        return jdbc.query("SELECT * FROM citizen WHERE id = ?", CitizenRegister::row, id).stream()
                .findFirst();
    }

    private static Citizen row(ResultSet rs, int row) throws SQLException {
        return new Citizen(
                rs.getObject("id", UUID.class), new NationalId(rs.getString("national_id")), rs.getString("name"));
    }
}
