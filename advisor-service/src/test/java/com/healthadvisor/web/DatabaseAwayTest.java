package com.healthadvisor.web;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure counts as the database gone away (a 503, not a 500) by its causes, however Spring wrapped them; a
 * refused login or a bad statement does not.
 */
class DatabaseAwayTest {

    @Test
    void aTransactionThatCouldNotBeginOnARefusedConnectionIsTheDatabaseAway() {
        assertThat(PatientConnections.databaseAway(new CannotCreateTransactionException("could not open",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException())))).isTrue();
        assertThat(PatientConnections.databaseAway(new IllegalStateException("x",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(PatientConnections.databaseAway(new RuntimeException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void aRefusedLoginOrABadStatementIsNot() {
        assertThat(PatientConnections.databaseAway(new RuntimeException(
                new SQLException("password authentication failed", "28P01")))).isFalse();
        assertThat(PatientConnections.databaseAway(new RuntimeException(
                new SQLException("syntax error", "42601")))).isFalse();
        assertThat(PatientConnections.databaseAway(new IllegalStateException("no cause"))).isFalse();
    }
}
