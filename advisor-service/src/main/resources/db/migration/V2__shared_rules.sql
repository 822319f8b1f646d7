-- Shared rules: the rule set versions every replica of the service follows, when advisor.shared-rules is on.
-- Plain SQL that H2 and PostgreSQL both run unchanged.

-- One row per accepted rule set, numbered 1, 2, 3...: a replica publishes the number after the newest it has
-- seen, so that two replicas changing the rules at once cannot both win (the second insert is a key clash).
CREATE TABLE shared_rule_set (
    id           BIGINT        NOT NULL PRIMARY KEY,
    -- The rule set's version, the hash of its files (the one responses name).
    version      VARCHAR(64)   NOT NULL,
    -- The files, as a JSON object of file name to content.
    files        TEXT          NOT NULL,
    actor        VARCHAR(100)  NOT NULL,
    trigger_name VARCHAR(20)   NOT NULL,
    message      VARCHAR(1000),
    published_at TIMESTAMP WITH TIME ZONE NOT NULL
);
