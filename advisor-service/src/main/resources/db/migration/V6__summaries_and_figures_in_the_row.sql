-- A diagnosis's summary (its timeline entry) is read for every period a timeline or the portfolio shows, and a
-- period's figures for every later period stored: both a few KB. As TEXT, H2 keeps a value over 256 bytes apart
-- from its row (a LOB), one more lookup for each; as VARCHAR it stays in the row. PostgreSQL stores both alike.
ALTER TABLE diagnosis ALTER COLUMN summary SET DATA TYPE VARCHAR(1000000);
ALTER TABLE snapshot_revision ALTER COLUMN figures SET DATA TYPE VARCHAR(1000000);

-- Each company at a glance, for the portfolio home: its newest period's health, ARR, stage and market, the MRR of
-- its last periods and what got worse since the period before, as JSON. Written with every write of the company,
-- in its transaction, so that the home page of thousands of companies reads one short row each.
CREATE TABLE company_glance (
    company    VARCHAR(100)    NOT NULL PRIMARY KEY,
    glance     VARCHAR(1000000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
