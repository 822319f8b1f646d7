-- Company memory: every revision of every snapshot a company stored, and what the advisor concluded from it.
-- Plain SQL that H2 and PostgreSQL both run unchanged.

-- One row per revision: the same period stored again with another document is a new revision, the old one kept.
CREATE TABLE snapshot_revision (
    company      VARCHAR(100) NOT NULL,
    period       VARCHAR(7)   NOT NULL,
    revision     INTEGER      NOT NULL,
    -- The month the period ends in, counted from year 0: periods of one form sort by it.
    end_month    INTEGER      NOT NULL,
    periodicity  VARCHAR(16)  NOT NULL,
    currency     VARCHAR(3)   NOT NULL,
    -- SHA-256 of the document with its keys sorted: the same document sent twice is one revision.
    sha256       CHAR(64)     NOT NULL,
    document     TEXT         NOT NULL,
    -- The period's own figures as a history entry, for the diagnoses of later periods.
    figures      TEXT         NOT NULL,
    stored_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    stored_by    VARCHAR(100) NOT NULL,
    PRIMARY KEY (company, period, revision)
);

CREATE INDEX snapshot_revision_by_month ON snapshot_revision (company, periodicity, end_month);

-- The diagnosis of one revision, under the rule set version named; replaced when it is diagnosed again.
CREATE TABLE diagnosis (
    company          VARCHAR(100) NOT NULL,
    period           VARCHAR(7)   NOT NULL,
    revision         INTEGER      NOT NULL,
    rule_set_version VARCHAR(64)  NOT NULL,
    health           VARCHAR(32)  NOT NULL,
    -- The timeline's entry for the period (health, key metrics, codes), so that a timeline reads no full result.
    summary          TEXT         NOT NULL,
    result           TEXT         NOT NULL,
    diagnosed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (company, period, revision),
    FOREIGN KEY (company, period, revision) REFERENCES snapshot_revision (company, period, revision) ON DELETE CASCADE
);

-- One row per company that ever stored a snapshot: a write takes its row's lock, so that the writes of one
-- company (from the service or the command line) follow each other and each sees the periods before it.
CREATE TABLE company (
    name VARCHAR(100) PRIMARY KEY
);
