package com.healthadvisor.web;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Where the connection pool opens its connections to a database server: an attempt the server refuses (it is
 * stopped, restarting, unreachable) is tried again every {@value #AGAIN_MILLIS} ms for up to
 * {@link #PATIENCE} before it counts as failed. The pool backs off after each failed attempt, doubling its wait up
 * to five seconds, so that without this a pool that lost its database for a few seconds would take up to five
 * more to notice it is back; with it, the pool has connections again within a quarter of a second. Requests do not
 * wait for this: they wait for the pool, at most its connection timeout (3 s).
 */
final class PatientConnections implements DataSource {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final long AGAIN_MILLIS = 250;

    private final DataSource server;
    /** Whether the pool is closing: then a refused connection fails at once, and the pool's close does not wait. */
    private final java.util.function.BooleanSupplier poolClosing;
    /** Whether the server has given a connection yet. */
    private volatile boolean answered;

    PatientConnections(DataSource server, java.util.function.BooleanSupplier poolClosing) {
        this.server = server;
        this.poolClosing = poolClosing;
    }

    /** The pool's own way to the server, behind this one; called before the pool starts. */
    static void install(HikariDataSource pool) {
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        pool.setDataSource(new PatientConnections(new DriverDataSource(pool.getJdbcUrl(), pool.getDriverClassName(),
                properties, pool.getUsername(), pool.getPassword()), pool::isClosed));
    }

    @Override
    public Connection getConnection() throws SQLException {
        return patiently(server::getConnection);
    }

    /** The pool's way when it has a user name, as it does for PostgreSQL. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return patiently(() -> server.getConnection(username, password));
    }

    private interface Attempt {
        Connection connect() throws SQLException;
    }

    /**
     * Patient only once the server has answered: a service started while its database is away fails its start at
     * once, saying so, as before.
     */
    private Connection patiently(Attempt attempt) throws SQLException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                Connection connection = attempt.connect();
                answered = true;
                return connection;
            } catch (SQLException e) {
                if (!answered || !unreachable(e) || System.nanoTime() > deadline || poolClosing.getAsBoolean()) {
                    throw e;
                }
                pause();
            }
        }
    }

    /**
     * Whether a failure comes from a database that went away: somewhere in its causes, a connection exception or
     * a server stopping, or a socket that could not connect or was closed.
     */
    static boolean databaseAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && unreachable(sql)
                    || cause instanceof java.net.ConnectException || cause instanceof java.net.SocketException
                    || cause instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A server that is not there (SQLSTATE class 08, a connection exception) or is stopping or starting (57P01-57P03:
     * shut down by an administrator, crashed, cannot connect now), as opposed to one refusing a login.
     */
    private static boolean unreachable(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.matches("57P0[123]"));
    }

    private static void pause() throws SQLException {
        try {
            Thread.sleep(AGAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the database", "08001", e);
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return server.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        server.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        server.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return server.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return server.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : server.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || server.isWrapperFor(type);
    }
}
