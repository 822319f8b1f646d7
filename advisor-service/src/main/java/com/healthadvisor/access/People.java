package com.healthadvisor.access;

import com.healthadvisor.settings.AdvisorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people who sign in to the workbench: those an admin adds on the users page, kept in the database every replica
 * shares (passwords as bcrypt hashes), and those of the settings' {@code advisor.users} list, which an operator
 * changes by restarting and the pages only show. A name in the settings wins over the same name in the database: an
 * operator locked out puts an admin there. Every change is written with who made it, in the same transaction.
 *
 * <p>The initial admin is created in the database once, from ADVISOR_INITIAL_ADMIN_PASSWORD, and kept: a later
 * start with another password or none changes nothing.
 */
public final class People implements UserDetailsService {

    private static final Logger LOG = LoggerFactory.getLogger(People.class);
    static final String INITIAL_ADMIN = "admin";
    /** bcrypt reads no further than 72 bytes: a longer password would be checked on its first 72 only. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final String NAME = "[A-Za-z0-9._@-]{1,64}";

    /** Where a person is kept: the pages change only the database's. */
    public enum Source { DATABASE, SETTINGS }

    /** One person as the users page lists them. */
    public record Person(String name, Role role, boolean disabled, Source source, Instant changedAt) {
    }

    /** One change to a person: who made it, and what it was ({@code added}, {@code role}, {@code disabled}, ...). */
    public record Change(Instant at, String actor, String name, String action, String detail) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PasswordEncoder encoder;
    private final Map<String, AdvisorProperties.User> fromSettings;
    private final Clock clock;

    public People(DataSource dataSource, PlatformTransactionManager transactionManager, PasswordEncoder encoder,
                  List<AdvisorProperties.User> settings, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.encoder = encoder;
        this.fromSettings = settingsUsers(settings);
        this.clock = clock;
    }

    private static Map<String, AdvisorProperties.User> settingsUsers(List<AdvisorProperties.User> settings) {
        Map<String, AdvisorProperties.User> users = new LinkedHashMap<>();
        for (AdvisorProperties.User user : settings) {
            if (users.put(user.name(), user) != null) {
                throw new IllegalArgumentException("advisor.users: " + user.name() + " is named twice");
            }
        }
        return users;
    }

    /**
     * Creates the initial admin in the database when its password is given, the settings name no admin and the
     * database has none of that name yet; true when it did. Replicas starting at once create it once.
     */
    public boolean createInitialAdmin(String password) {
        if (password == null || password.isBlank() || fromSettings.containsKey(INITIAL_ADMIN)) {
            return false;
        }
        if (stored(INITIAL_ADMIN).isPresent()) {
            LOG.info("The workbench user admin exists already: ADVISOR_INITIAL_ADMIN_PASSWORD is not used (change "
                    + "the password on the workbench's Account page)");
            return false;
        }
        try {
            transactions.executeWithoutResult(status -> {
                insert(INITIAL_ADMIN, Role.ADMIN, password);
                audit("start-up", INITIAL_ADMIN, "added", "admin, from ADVISOR_INITIAL_ADMIN_PASSWORD");
            });
            LOG.info("Created the workbench user admin from ADVISOR_INITIAL_ADMIN_PASSWORD; it is kept from now on");
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        return find(name).orElseThrow(() -> new UsernameNotFoundException("no workbench user " + name));
    }

    /** A person as signing in sees them now: from the settings, else the database; disabled ones included. */
    public Optional<UserDetails> find(String name) {
        AdvisorProperties.User fromSettingsList = fromSettings.get(name);
        if (fromSettingsList != null) {
            return Optional.of(User.withUsername(name).password(fromSettingsList.passwordHash())
                    .authorities(Role.of(fromSettingsList.role()).authorities()).build());
        }
        return stored(name).map(row -> User.withUsername(row.name()).password(row.passwordHash())
                .disabled(row.disabled()).authorities(row.role().authorities()).build());
    }

    /** How many people could sign in: with none, the sign-in page says how to add the first. */
    public int count() {
        return fromSettings.size() + jdbc.sql("SELECT COUNT(*) FROM workbench_user WHERE NOT disabled")
                .query(Integer.class).single();
    }

    /** Everyone, by name: the settings' people and the database's (a name in both shown once, as the settings'). */
    public List<Person> everyone() {
        List<Person> people = new ArrayList<>();
        fromSettings.values().forEach(user -> people.add(new Person(user.name(), Role.of(user.role()), false,
                Source.SETTINGS, null)));
        jdbc.sql("SELECT * FROM workbench_user").query(ROWS).list().stream()
                .filter(row -> !fromSettings.containsKey(row.name()))
                .forEach(row -> people.add(new Person(row.name(), row.role(), row.disabled(), Source.DATABASE,
                        row.changedAt())));
        people.sort(Comparator.comparing(Person::name));
        return people;
    }

    /** The newest changes to people, newest first. */
    public List<Change> changes(int limit) {
        return jdbc.sql("SELECT at, actor, user_name, action, detail FROM workbench_user_audit ORDER BY id DESC "
                        + "FETCH FIRST " + limit + " ROWS ONLY")
                .query((rs, n) -> new Change(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("user_name"), rs.getString("action"), rs.getString("detail")))
                .list();
    }

    /** An admin adds someone with a first password, which they change on their Account page. */
    public void add(String actor, String name, Role role, String password) {
        if (name == null || !name.matches(NAME)) {
            throw new PeopleException("A name is 1 to 64 letters, digits, dots, dashes, underscores or @.");
        }
        notInSettings(name);
        checkPassword(password);
        try {
            transactions.executeWithoutResult(status -> {
                insert(name, role, password);
                audit(actor, name, "added", role.word());
            });
        } catch (DuplicateKeyException e) {
            throw new PeopleException("There is already a user named " + name + ".");
        }
    }

    /** An admin gives someone another role; the last admin who can sign in keeps theirs. */
    public void setRole(String actor, String name, Role role) {
        change(actor, name, row -> {
            if (row.role() == role) {
                return null;
            }
            if (row.role() == Role.ADMIN) {
                keepAnAdmin(name, "take the admin role from");
            }
            jdbc.sql("UPDATE workbench_user SET role = ?, changed_at = ? WHERE name = ?")
                    .params(role.word(), now(), name).update();
            return new String[] {"role", row.role().word() + " → " + role.word()};
        });
    }

    /** An admin disables someone (they cannot sign in, and a session they have ends) or enables them again. */
    public void setDisabled(String actor, String name, boolean disabled) {
        if (disabled && name.equals(actor)) {
            throw new PeopleException("You cannot disable yourself: another admin can.");
        }
        change(actor, name, row -> {
            if (row.disabled() == disabled) {
                return null;
            }
            if (disabled && row.role() == Role.ADMIN) {
                keepAnAdmin(name, "disable");
            }
            jdbc.sql("UPDATE workbench_user SET disabled = ?, changed_at = ? WHERE name = ?")
                    .params(disabled, now(), name).update();
            return new String[] {disabled ? "disabled" : "enabled", null};
        });
    }

    /** An admin sets someone's password (they forgot theirs): said in the audit, never shown. */
    public void setPassword(String actor, String name, String password) {
        checkPassword(password);
        change(actor, name, row -> {
            updatePassword(name, password);
            return new String[] {"password", "set by an admin"};
        });
    }

    /** Someone changes their own password, with the one they have now. */
    public void changeOwnPassword(String name, String current, String next) {
        if (fromSettings.containsKey(name)) {
            throw new PeopleException("Your password is kept in the service's settings (advisor.users): the "
                    + "operator changes it there.");
        }
        checkPassword(next);
        change(name, name, row -> {
            if (current == null || !encoder.matches(current, row.passwordHash())) {
                throw new PeopleException("The current password is not right: nothing was changed.");
            }
            updatePassword(name, next);
            return new String[] {"own-password", null};
        });
    }

    /** Whether a name belongs to the settings' list, which only the operator changes. */
    public boolean inSettings(String name) {
        return fromSettings.containsKey(name);
    }

    /** A change to one stored person, in a transaction with its audit line; a null change changes nothing. */
    private void change(String actor, String name, java.util.function.Function<Row, String[]> change) {
        notInSettings(name);
        transactions.executeWithoutResult(status -> {
            Row row = jdbc.sql("SELECT * FROM workbench_user WHERE name = ? FOR UPDATE").params(name).query(ROWS)
                    .optional().orElseThrow(() -> new NoSuchPersonException(name));
            String[] made = change.apply(row);
            if (made != null) {
                audit(actor, name, made[0], made[1]);
            }
        });
    }

    /** Refuses to leave nobody who can manage people: at least one enabled admin besides this one. */
    private void keepAnAdmin(String name, String what) {
        boolean settingsAdmin = fromSettings.values().stream().anyMatch(user -> Role.of(user.role()) == Role.ADMIN);
        List<String> admins = jdbc.sql("SELECT name FROM workbench_user WHERE role = ? AND NOT disabled FOR UPDATE")
                .params(Role.ADMIN.word()).query(String.class).list();
        if (!settingsAdmin && admins.stream().noneMatch(admin -> !admin.equals(name))) {
            throw new PeopleException("You cannot " + what + " " + name + ": nobody else could manage users. Give "
                    + "another user the admin role first.");
        }
    }

    private void notInSettings(String name) {
        if (fromSettings.containsKey(name)) {
            throw new PeopleException(name + " is set in the service's settings (advisor.users): the operator "
                    + "changes them there.");
        }
    }

    private void checkPassword(String password) {
        if (password == null || password.length() < AdvisorProperties.MIN_PASSWORD_LENGTH) {
            throw new PeopleException("A password needs at least " + AdvisorProperties.MIN_PASSWORD_LENGTH
                    + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new PeopleException("A password may have at most " + MAX_PASSWORD_BYTES + " bytes (bcrypt reads "
                    + "no further).");
        }
    }

    private void insert(String name, Role role, String password) {
        Timestamp now = now();
        jdbc.sql("INSERT INTO workbench_user (name, role, password_hash, disabled, created_at, changed_at) "
                        + "VALUES (?, ?, ?, FALSE, ?, ?)")
                .params(name, role.word(), encoder.encode(password), now, now).update();
    }

    private void updatePassword(String name, String password) {
        jdbc.sql("UPDATE workbench_user SET password_hash = ?, changed_at = ? WHERE name = ?")
                .params(encoder.encode(password), now(), name).update();
    }

    private void audit(String actor, String name, String action, String detail) {
        jdbc.sql("INSERT INTO workbench_user_audit (at, actor, user_name, action, detail) VALUES (?, ?, ?, ?, ?)")
                .params(now(), actor, name, action, detail).update();
    }

    private Optional<Row> stored(String name) {
        return jdbc.sql("SELECT * FROM workbench_user WHERE name = ?").params(name).query(ROWS).optional();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private record Row(String name, Role role, String passwordHash, boolean disabled, Instant changedAt) {
    }

    private static final RowMapper<Row> ROWS = (rs, n) -> new Row(rs.getString("name"), Role.of(rs.getString("role")),
            rs.getString("password_hash"), rs.getBoolean("disabled"), rs.getTimestamp("changed_at").toInstant());

    /** A change the rules for people refuse, said in words for the page. */
    public static class PeopleException extends IllegalArgumentException {
        public PeopleException(String message) {
            super(message);
        }
    }

    /** A name the database does not hold. */
    public static final class NoSuchPersonException extends PeopleException {
        NoSuchPersonException(String name) {
            super("There is no workbench user named " + name + ".");
        }
    }
}
