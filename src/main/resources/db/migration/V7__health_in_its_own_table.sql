-- The health checker's working state moves out of the connection tables into one table it owns (issue 10):
-- the state a card shows, the counters behind it, the schedule and the check's lease. The connection tables
-- keep what is the connection's own: its tokens (and the refresh lease that guards them), and the two columns
-- the owner's plan names, is_online and last_checked_at, which the checker writes through the connections'
-- store. Portable across H2 2.x and PostgreSQL.
--
-- A health row names its connection by (service, connection_id). Like connection_check (V4, V6), each
-- service adds one foreign key column of its own, <service>_connection_id, kept equal to connection_id by a
-- CHECK, so the row goes with its connection however the connection is deleted.
CREATE TABLE connection_health (
    service              VARCHAR(10)              NOT NULL,
    connection_id        BIGINT                   NOT NULL,
    state                VARCHAR(24)              DEFAULT 'NOT_CHECKED' NOT NULL,
    last_success_at      TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER                  DEFAULT 0 NOT NULL,
    last_check_outcome   VARCHAR(24),
    -- A message code with its arguments (ru.storelink.texts.Message), never a sentence.
    last_check_reason    VARCHAR(200),
    -- The schedule: when the last check ended (database time). NULL: never checked, due first.
    checked_at           TIMESTAMP WITH TIME ZONE,
    -- Who is checking the connection right now, and until when (database time). NULL: nobody.
    lease_owner          VARCHAR(40),
    lease_until          TIMESTAMP WITH TIME ZONE,
    evotor_connection_id BIGINT,
    vk_connection_id     BIGINT,
    CONSTRAINT connection_health_pk PRIMARY KEY (service, connection_id),
    CONSTRAINT connection_health_state_known
        CHECK (state IN ('WORKING', 'NEEDS_RECONNECT', 'SERVICE_UNAVAILABLE', 'NOT_CHECKED', 'CANNOT_CHECK')),
    CONSTRAINT connection_health_outcome_known
        CHECK (last_check_outcome IS NULL
               OR last_check_outcome IN ('WORKS', 'CREDENTIALS_REJECTED', 'TEMPORARY', 'OUR_MISCONFIGURATION')),
    CONSTRAINT connection_health_failures_not_negative CHECK (consecutive_failures >= 0),
    CONSTRAINT connection_health_evotor_fk
        FOREIGN KEY (evotor_connection_id) REFERENCES evotor_connection (id) ON DELETE CASCADE,
    CONSTRAINT connection_health_vk_fk
        FOREIGN KEY (vk_connection_id) REFERENCES vk_connection (id) ON DELETE CASCADE,
    CONSTRAINT connection_health_evotor_row
        CHECK ((service = 'evotor') = (evotor_connection_id IS NOT NULL)
               AND (evotor_connection_id IS NULL OR evotor_connection_id = connection_id)),
    CONSTRAINT connection_health_vk_row
        CHECK ((service = 'vk') = (vk_connection_id IS NOT NULL)
               AND (vk_connection_id IS NULL OR vk_connection_id = connection_id))
);
-- The due-connection query of each service: never checked first, then the oldest check.
CREATE INDEX connection_health_due ON connection_health (service, checked_at);
-- The cascades look rows up by these columns.
CREATE UNIQUE INDEX connection_health_evotor ON connection_health (evotor_connection_id);
CREATE UNIQUE INDEX connection_health_vk ON connection_health (vk_connection_id);

-- Every connection keeps the state, counters, schedule and lease it had.
INSERT INTO connection_health (service, connection_id, evotor_connection_id, state, last_success_at,
        consecutive_failures, last_check_outcome, last_check_reason, checked_at, lease_owner, lease_until)
    SELECT 'evotor', id, id, state, last_success_at, consecutive_failures, last_check_outcome, last_check_reason,
           last_checked_at, lease_owner, lease_until
    FROM evotor_connection;
INSERT INTO connection_health (service, connection_id, vk_connection_id, state, last_success_at,
        consecutive_failures, last_check_outcome, last_check_reason, checked_at, lease_owner, lease_until)
    SELECT 'vk', id, id, state, last_success_at, consecutive_failures, last_check_outcome, last_check_reason,
           last_checked_at, lease_owner, lease_until
    FROM vk_connection;

-- Constraints first: H2 does not drop a column a constraint still names.
ALTER TABLE evotor_connection DROP CONSTRAINT evotor_connection_state_known;
ALTER TABLE evotor_connection DROP CONSTRAINT evotor_connection_outcome_known;
ALTER TABLE evotor_connection DROP CONSTRAINT evotor_connection_failures_not_negative;
ALTER TABLE vk_connection DROP CONSTRAINT vk_connection_state_known;
ALTER TABLE vk_connection DROP CONSTRAINT vk_connection_outcome_known;
ALTER TABLE vk_connection DROP CONSTRAINT vk_connection_failures_not_negative;
-- The claim reads connection_health now.
DROP INDEX evotor_connection_due;
DROP INDEX vk_connection_due;

ALTER TABLE evotor_connection DROP COLUMN state;
ALTER TABLE evotor_connection DROP COLUMN last_success_at;
ALTER TABLE evotor_connection DROP COLUMN consecutive_failures;
ALTER TABLE evotor_connection DROP COLUMN last_check_outcome;
ALTER TABLE evotor_connection DROP COLUMN last_check_reason;
ALTER TABLE evotor_connection DROP COLUMN lease_owner;
ALTER TABLE evotor_connection DROP COLUMN lease_until;
ALTER TABLE vk_connection DROP COLUMN state;
ALTER TABLE vk_connection DROP COLUMN last_success_at;
ALTER TABLE vk_connection DROP COLUMN consecutive_failures;
ALTER TABLE vk_connection DROP COLUMN last_check_outcome;
ALTER TABLE vk_connection DROP COLUMN last_check_reason;
ALTER TABLE vk_connection DROP COLUMN lease_owner;
ALTER TABLE vk_connection DROP COLUMN lease_until;

-- The history hangs off the health row now: one composite foreign key (connection -> health -> history, each
-- ON DELETE CASCADE), so a service needs no column of its own in connection_check, and one history entity
-- serves every service. V4 left no orphans; a row without a health row could only be one written by hand.
DELETE FROM connection_check WHERE NOT EXISTS (SELECT 1 FROM connection_health h
    WHERE h.service = connection_check.service AND h.connection_id = connection_check.connection_id);
ALTER TABLE connection_check DROP CONSTRAINT connection_check_evotor_row;
ALTER TABLE connection_check DROP CONSTRAINT connection_check_vk_row;
ALTER TABLE connection_check DROP CONSTRAINT connection_check_evotor_fk;
ALTER TABLE connection_check DROP CONSTRAINT connection_check_vk_fk;
DROP INDEX connection_check_evotor;
DROP INDEX connection_check_vk;
ALTER TABLE connection_check DROP COLUMN evotor_connection_id;
ALTER TABLE connection_check DROP COLUMN vk_connection_id;
-- The cascade finds a health row's history by connection_check_of_connection (service, connection_id, ...).
ALTER TABLE connection_check ADD CONSTRAINT connection_check_health_fk
    FOREIGN KEY (service, connection_id) REFERENCES connection_health (service, connection_id) ON DELETE CASCADE;
