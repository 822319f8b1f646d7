package com.healthadvisor.company;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

import java.util.Optional;

/**
 * The company memory's database for the command line: the same default as the service (an H2 file under
 * {@code ./data}), or the JDBC URL in {@code SPRING_DATASOURCE_URL} (with {@code SPRING_DATASOURCE_USERNAME} and
 * {@code SPRING_DATASOURCE_PASSWORD}) or given by {@code --database}; migrated before use.
 */
public final class Database implements AutoCloseable {

    /**
     * An H2 file under ./data, opened by one process at a time and served to nobody: no TCP server, so the files
     * (private to their owner, {@link H2Files}) are its only door. A write waits up to a minute for another write of
     * the same company (a large ledger) rather than H2's default second.
     */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/advisor;LOCK_TIMEOUT=60000";

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param url null for {@code SPRING_DATASOURCE_URL}, else the default */
    public static Database open(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(H2Files.durable(url != null ? url
                : System.getenv().getOrDefault("SPRING_DATASOURCE_URL", DEFAULT_URL)));
        String user = System.getenv("SPRING_DATASOURCE_USERNAME");
        config.setUsername(user != null ? user : config.getJdbcUrl().startsWith("jdbc:h2:") ? "sa" : null);
        config.setPassword(System.getenv("SPRING_DATASOURCE_PASSWORD"));
        config.setMaximumPoolSize(2);
        config.setPoolName("advisor-cli");
        H2Files.beforeOpening(config.getJdbcUrl());
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw inUse(e).orElseThrow(() -> e);
        }
        try {
            Schema.migrate(dataSource);
            H2Files.afterOpening(config.getJdbcUrl());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource);
    }

    /**
     * H2's refusal of a file another process has open (the running service): said in words, with the way round it.
     */
    private static Optional<DatabaseInUseException> inUse(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains("already in use")) {
                return Optional.of(new DatabaseInUseException());
            }
        }
        return Optional.empty();
    }

    /** The database file is open in another process, almost always the running service. */
    public static class DatabaseInUseException extends RuntimeException {
        DatabaseInUseException() {
            super("the company memory is open in a running service, which alone may use its file: go through it with "
                    + "--service http://localhost:8080 (and ADVISOR_TOKEN), its HTTP API (/api/v1/companies) or the "
                    + "workbench; or stop it first");
        }
    }

    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    public JdbcTransactionManager transactionManager() {
        return new JdbcTransactionManager(dataSource);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
