package com.healthadvisor.company;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The company memory's database for the command line: the same default as the service (an H2 file under
 * {@code ./data}), or the JDBC URL in {@code SPRING_DATASOURCE_URL} (with {@code SPRING_DATASOURCE_USERNAME} and
 * {@code SPRING_DATASOURCE_PASSWORD}) or given by {@code --database}; migrated before use.
 */
public final class Database implements AutoCloseable {

    /**
     * An H2 file under ./data. AUTO_SERVER lets a second process (the command line beside the running service)
     * open it: the first to open it serves it to the others. A write waits up to a minute for another write of the
     * same company (a large ledger) rather than H2's default second.
     */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/advisor;AUTO_SERVER=TRUE;LOCK_TIMEOUT=60000";

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param url null for {@code SPRING_DATASOURCE_URL}, else the default */
    public static Database open(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url != null ? url : System.getenv().getOrDefault("SPRING_DATASOURCE_URL", DEFAULT_URL));
        String user = System.getenv("SPRING_DATASOURCE_USERNAME");
        config.setUsername(user != null ? user : config.getJdbcUrl().startsWith("jdbc:h2:") ? "sa" : null);
        config.setPassword(System.getenv("SPRING_DATASOURCE_PASSWORD"));
        config.setMaximumPoolSize(2);
        config.setPoolName("advisor-cli");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Schema.migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource);
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
