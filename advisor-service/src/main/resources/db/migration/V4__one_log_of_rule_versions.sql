-- The shared rule log is the rule history's versions (rule_version, rule_version_file, rule_file_content): a replica
-- publishes a change as the version after the one it runs, and the others follow the newest version. The table
-- that kept each shared rule set's files a second time, as JSON, goes. Replicas follow the newest version from now
-- on; the rule sets it held are versions of the history already, or were replaced by newer ones.
DROP TABLE shared_rule_set;
