package com.healthadvisor.access;

import com.healthadvisor.company.Database;
import com.healthadvisor.settings.AdvisorProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the workbench's people must be on any database the service supports: each subclass runs it on one. Every
 * test starts from an empty user table.
 */
abstract class PeopleContract {

    static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    static final String FIRST = "first-admin-password";

    abstract String url();

    Database database;

    @BeforeEach
    void open() {
        database = Database.open(url());
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        jdbc.sql("DELETE FROM workbench_user").update();
        jdbc.sql("DELETE FROM workbench_user_audit").update();
    }

    @AfterEach
    void close() {
        database.close();
    }

    People people(AdvisorProperties.User... settings) {
        return new People(database.dataSource(), database.transactionManager(), ENCODER, List.of(settings),
                Clock.systemUTC());
    }

    @Test
    void theInitialAdminIsCreatedOnceAndKeptWithItsBcryptHash() {
        assertThat(people().createInitialAdmin(FIRST)).isTrue();
        // A later start, with another password or none, changes nothing.
        assertThat(people().createInitialAdmin("another-password-entirely")).isFalse();
        assertThat(people().createInitialAdmin(null)).isFalse();
        UserDetails admin = people().find("admin").orElseThrow();
        assertThat(admin.getPassword()).startsWith("{bcrypt}$2a$");
        assertThat(ENCODER.matches(FIRST, admin.getPassword())).isTrue();
        assertThat(admin.getAuthorities()).extracting(Object::toString).contains("ROLE_ADMIN");
        assertThat(people().changes(10)).singleElement().satisfies(change -> {
            assertThat(change.actor()).isEqualTo("start-up");
            assertThat(change.action()).isEqualTo("added");
        });
    }

    @Test
    void replicasStartingAtOnceCreateTheInitialAdminOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> starts = pool.invokeAll(java.util.Collections.nCopies(4,
                    () -> people().createInitialAdmin(FIRST)));
            long created = 0;
            for (Future<Boolean> start : starts) {
                created += start.get() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
            assertThat(people().changes(10)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOperatorsAdminInTheSettingsMeansNoInitialAdminIsCreated() {
        People people = people(settingsUser("admin", "admin"));
        assertThat(people.createInitialAdmin(FIRST)).isFalse();
        assertThat(people.everyone()).singleElement().satisfies(person -> {
            assertThat(person.source()).isEqualTo(People.Source.SETTINGS);
            assertThat(person.role()).isEqualTo(Role.ADMIN);
        });
    }

    @Test
    void anAdminAddsSetsARoleDisablesAndEnablesEachAudited() {
        People people = people();
        people.createInitialAdmin(FIRST);
        people.add("admin", "ana", Role.ANALYST, "ana-first-password");
        assertThat(people.find("ana").orElseThrow().getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_ANALYST");
        people.setRole("admin", "ana", Role.VIEWER);
        assertThat(people.find("ana").orElseThrow().getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_VIEWER");
        people.setDisabled("admin", "ana", true);
        assertThat(people.find("ana").orElseThrow().isEnabled()).isFalse();
        assertThat(people.count()).isEqualTo(1);
        people.setDisabled("admin", "ana", false);
        assertThat(people.find("ana").orElseThrow().isEnabled()).isTrue();
        people.setPassword("admin", "ana", "ana-second-password");
        assertThat(ENCODER.matches("ana-second-password", people.find("ana").orElseThrow().getPassword())).isTrue();
        assertThat(people.changes(10)).extracting(People.Change::action)
                .containsExactly("password", "enabled", "disabled", "role", "added", "added");
        assertThat(people.changes(10).get(3).detail()).isEqualTo("analyst → viewer");
        assertThat(people.changes(10)).allSatisfy(change -> assertThat(String.valueOf(change.detail())).doesNotContain("second"));
    }

    @Test
    void aChangeThatChangesNothingIsNotAudited() {
        People people = people();
        people.add("admin", "ana", Role.ANALYST, "ana-first-password");
        people.setRole("admin", "ana", Role.ANALYST);
        people.setDisabled("admin", "ana", false);
        assertThat(people.changes(10)).hasSize(1);
    }

    @Test
    void oneChangesTheirOwnPasswordOnlyWithTheCurrentOne() {
        People people = people();
        people.add("admin", "ana", Role.ANALYST, "ana-first-password");
        assertThatThrownBy(() -> people.changeOwnPassword("ana", "a-wrong-password", "ana-second-password"))
                .hasMessageContaining("current password is not right");
        assertThatThrownBy(() -> people.changeOwnPassword("ana", "ana-first-password", "short"))
                .hasMessageContaining("at least 12");
        people.changeOwnPassword("ana", "ana-first-password", "ana-second-password");
        assertThat(ENCODER.matches("ana-second-password", people.find("ana").orElseThrow().getPassword())).isTrue();
        assertThat(people.changes(1).get(0).action()).isEqualTo("own-password");
        assertThat(people.changes(1).get(0).actor()).isEqualTo("ana");
    }

    @Test
    void theLastAdminWhoCanSignInStays() {
        People people = people();
        people.createInitialAdmin(FIRST);
        people.add("admin", "ana", Role.ANALYST, "ana-first-password");
        assertThatThrownBy(() -> people.setRole("ana", "admin", Role.ANALYST)).hasMessageContaining("nobody else");
        assertThatThrownBy(() -> people.setDisabled("ana", "admin", true)).hasMessageContaining("nobody else");
        assertThatThrownBy(() -> people.setDisabled("admin", "admin", true)).hasMessageContaining("yourself");
        // With a second admin, the first may go.
        people.setRole("admin", "ana", Role.ADMIN);
        people.setDisabled("ana", "admin", true);
        assertThat(people.find("admin").orElseThrow().isEnabled()).isFalse();
        // A disabled admin does not count as the one who stays.
        assertThatThrownBy(() -> people.setRole("ana", "ana", Role.VIEWER)).hasMessageContaining("nobody else");
    }

    @Test
    void badNamesPasswordsAndDuplicatesAreRefusedAndNothingIsStored() {
        People people = people(settingsUser("ops", "viewer"));
        assertThatThrownBy(() -> people.add("admin", "a b", Role.VIEWER, "a-long-password")).hasMessageContaining("letters");
        assertThatThrownBy(() -> people.add("admin", "", Role.VIEWER, "a-long-password")).hasMessageContaining("letters");
        assertThatThrownBy(() -> people.add("admin", "x".repeat(65), Role.VIEWER, "a-long-password"))
                .hasMessageContaining("letters");
        assertThatThrownBy(() -> people.add("admin", "vic", Role.VIEWER, "short")).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> people.add("admin", "vic", Role.VIEWER, "é".repeat(40)))
                .hasMessageContaining("72 bytes");
        assertThatThrownBy(() -> people.add("admin", "ops", Role.VIEWER, "a-long-password"))
                .hasMessageContaining("settings");
        people.add("admin", "vic", Role.VIEWER, "a-long-password");
        assertThatThrownBy(() -> people.add("admin", "vic", Role.ADMIN, "a-long-password"))
                .hasMessageContaining("already a user named vic");
        assertThatThrownBy(() -> people.setRole("admin", "nobody", Role.ADMIN)).isInstanceOf(People.NoSuchPersonException.class);
        assertThatThrownBy(() -> people.setRole("admin", "ops", Role.ADMIN)).hasMessageContaining("settings");
        assertThat(people.everyone()).extracting(People.Person::name).containsExactly("ops", "vic");
        assertThat(people.changes(10)).hasSize(1);
    }

    @Test
    void aNameInTheSettingsWinsOverTheSameNameInTheDatabase() {
        people().add("start-up", "ops", Role.VIEWER, "database-password");
        People people = people(settingsUser("ops", "admin"));
        UserDetails ops = people.find("ops").orElseThrow();
        assertThat(ops.getAuthorities()).extracting(Object::toString).contains("ROLE_ADMIN");
        assertThat(ENCODER.matches("settings-password", ops.getPassword())).isTrue();
        assertThat(people.everyone()).singleElement().extracting(People.Person::source).isEqualTo(People.Source.SETTINGS);
    }

    private static AdvisorProperties.User settingsUser(String name, String role) {
        return new AdvisorProperties.User(name, role, "{bcrypt}" + new BCryptPasswordEncoder(4).encode("settings-password"));
    }
}
