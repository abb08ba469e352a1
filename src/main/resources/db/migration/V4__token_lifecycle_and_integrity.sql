-- Token lifecycle and data integrity (issue 9). Portable across H2 2.x and PostgreSQL.

-- At most one refresh of a connection in flight anywhere: whoever presents the refresh token to the
-- provider holds this lease (database time) until the answer is stored. Separate from the check's lease,
-- because a renewal must be stored even when the check that started it has lost its own lease.
ALTER TABLE evotor_connection ADD COLUMN refresh_lease_owner VARCHAR(40);
ALTER TABLE evotor_connection ADD COLUMN refresh_lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE vk_connection ADD COLUMN refresh_lease_owner VARCHAR(40);
ALTER TABLE vk_connection ADD COLUMN refresh_lease_until TIMESTAMP WITH TIME ZONE;

-- States and outcomes are codes the application knows; anything else is refused by the database.
-- CANNOT_CHECK: Storelink itself cannot check the connection (unreadable token, our configuration).
-- Rows written by hand with other values would stop the migration: they become "not checked" first.
UPDATE evotor_connection SET state = 'NOT_CHECKED', is_online = FALSE
    WHERE state NOT IN ('WORKING', 'NEEDS_RECONNECT', 'SERVICE_UNAVAILABLE', 'NOT_CHECKED', 'CANNOT_CHECK');
UPDATE vk_connection SET state = 'NOT_CHECKED', is_online = FALSE
    WHERE state NOT IN ('WORKING', 'NEEDS_RECONNECT', 'SERVICE_UNAVAILABLE', 'NOT_CHECKED', 'CANNOT_CHECK');
UPDATE evotor_connection SET last_check_outcome = NULL
    WHERE last_check_outcome NOT IN ('WORKS', 'CREDENTIALS_REJECTED', 'TEMPORARY', 'OUR_MISCONFIGURATION');
UPDATE vk_connection SET last_check_outcome = NULL
    WHERE last_check_outcome NOT IN ('WORKS', 'CREDENTIALS_REJECTED', 'TEMPORARY', 'OUR_MISCONFIGURATION');
UPDATE evotor_connection SET consecutive_failures = 0 WHERE consecutive_failures < 0;
UPDATE vk_connection SET consecutive_failures = 0 WHERE consecutive_failures < 0;
DELETE FROM connection_check WHERE outcome NOT IN ('WORKS', 'CREDENTIALS_REJECTED', 'TEMPORARY', 'OUR_MISCONFIGURATION');
ALTER TABLE evotor_connection ADD CONSTRAINT evotor_connection_state_known
    CHECK (state IN ('WORKING', 'NEEDS_RECONNECT', 'SERVICE_UNAVAILABLE', 'NOT_CHECKED', 'CANNOT_CHECK'));
ALTER TABLE vk_connection ADD CONSTRAINT vk_connection_state_known
    CHECK (state IN ('WORKING', 'NEEDS_RECONNECT', 'SERVICE_UNAVAILABLE', 'NOT_CHECKED', 'CANNOT_CHECK'));
ALTER TABLE evotor_connection ADD CONSTRAINT evotor_connection_outcome_known
    CHECK (last_check_outcome IS NULL
           OR last_check_outcome IN ('WORKS', 'CREDENTIALS_REJECTED', 'TEMPORARY', 'OUR_MISCONFIGURATION'));
ALTER TABLE vk_connection ADD CONSTRAINT vk_connection_outcome_known
    CHECK (last_check_outcome IS NULL
           OR last_check_outcome IN ('WORKS', 'CREDENTIALS_REJECTED', 'TEMPORARY', 'OUR_MISCONFIGURATION'));
ALTER TABLE evotor_connection ADD CONSTRAINT evotor_connection_failures_not_negative CHECK (consecutive_failures >= 0);
ALTER TABLE vk_connection ADD CONSTRAINT vk_connection_failures_not_negative CHECK (consecutive_failures >= 0);

-- A check's history goes with its connection. The history names its connection by (service,
-- connection_id); one foreign key column per connection table, kept equal to connection_id by a CHECK,
-- lets the database delete the history with the connection, also when a check finishes during the delete.
ALTER TABLE connection_check ADD COLUMN evotor_connection_id BIGINT;
ALTER TABLE connection_check ADD COLUMN vk_connection_id BIGINT;
DELETE FROM connection_check WHERE service = 'evotor' AND connection_id NOT IN (SELECT id FROM evotor_connection);
DELETE FROM connection_check WHERE service = 'vk' AND connection_id NOT IN (SELECT id FROM vk_connection);
DELETE FROM connection_check WHERE service NOT IN ('evotor', 'vk');
UPDATE connection_check SET evotor_connection_id = connection_id WHERE service = 'evotor';
UPDATE connection_check SET vk_connection_id = connection_id WHERE service = 'vk';
ALTER TABLE connection_check ADD CONSTRAINT connection_check_evotor_fk
    FOREIGN KEY (evotor_connection_id) REFERENCES evotor_connection (id) ON DELETE CASCADE;
ALTER TABLE connection_check ADD CONSTRAINT connection_check_vk_fk
    FOREIGN KEY (vk_connection_id) REFERENCES vk_connection (id) ON DELETE CASCADE;
ALTER TABLE connection_check ADD CONSTRAINT connection_check_one_connection
    CHECK ((service = 'evotor' AND evotor_connection_id = connection_id AND vk_connection_id IS NULL)
        OR (service = 'vk' AND vk_connection_id = connection_id AND evotor_connection_id IS NULL));
ALTER TABLE connection_check ADD CONSTRAINT connection_check_outcome_known
    CHECK (outcome IN ('WORKS', 'CREDENTIALS_REJECTED', 'TEMPORARY', 'OUR_MISCONFIGURATION'));
-- The cascade looks rows up by these columns.
CREATE INDEX connection_check_evotor ON connection_check (evotor_connection_id);
CREATE INDEX connection_check_vk ON connection_check (vk_connection_id);
