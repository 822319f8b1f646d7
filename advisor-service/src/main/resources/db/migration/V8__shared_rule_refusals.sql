-- A replica that cannot adopt the fleet's newest rule version says so here, so that every replica (and the
-- workbench's rules pages) can show "replica B refuses version 37: fixtures/x.expected.json:12 ...". One row per
-- replica and version it refused; a replica that adopts a version deletes its rows.

CREATE TABLE shared_rule_refusal (
    -- The replica's name (advisor.replica-name, by default host:port).
    replica        VARCHAR(200)   NOT NULL,
    -- The number of the shared version refused (rule_version.number) and its rule set version.
    version_number BIGINT         NOT NULL,
    rule_set       VARCHAR(64)    NOT NULL,
    -- Why: the vetting's problems, as a JSON array of {file, line, message} (the first 20).
    problems       VARCHAR(100000) NOT NULL,
    refused_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (replica, version_number)
);
