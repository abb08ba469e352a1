-- The check history as a ring of 20 slots per connection (issue 11): a check overwrites its connection's
-- oldest entry with one UPDATE instead of INSERT + SELECT ... OFFSET + DELETE, and needs no id from a
-- sequence (EclipseLink hands out sequence values under one lock: with a hundred checks in flight that
-- lock was a tenth of the checker's CPU). connection_health.history_next is the slot the next check
-- writes. The table is rebuilt, keeping the 20 newest entries of each connection, the oldest in slot 0.
-- Portable across H2 2.x and PostgreSQL.
ALTER TABLE connection_health ADD COLUMN history_next SMALLINT DEFAULT 0 NOT NULL;
ALTER TABLE connection_health ADD CONSTRAINT connection_health_history_next_in_ring CHECK (history_next BETWEEN 0 AND 19);

CREATE TABLE connection_check_ring (
    service        VARCHAR(10)              NOT NULL,
    connection_id  BIGINT                   NOT NULL,
    slot           SMALLINT                 NOT NULL,
    checked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome        VARCHAR(24)              NOT NULL,
    latency_ms     INTEGER                  NOT NULL,
    reason         VARCHAR(200)
);

INSERT INTO connection_check_ring (service, connection_id, slot, checked_at, outcome, latency_ms, reason)
SELECT service, connection_id, slot, checked_at, outcome, latency_ms, reason FROM (
    SELECT c.service, c.connection_id, c.checked_at, c.outcome, c.latency_ms, c.reason,
           (SELECT LEAST(COUNT(*), 20) FROM connection_check a
                WHERE a.service = c.service AND a.connection_id = c.connection_id) - 1
           - (SELECT COUNT(*) FROM connection_check n
                WHERE n.service = c.service AND n.connection_id = c.connection_id
                  AND (n.checked_at > c.checked_at OR (n.checked_at = c.checked_at AND n.id > c.id))) AS slot
    FROM connection_check c) ranked
WHERE slot >= 0;

UPDATE connection_health SET history_next = MOD((SELECT COUNT(*) FROM connection_check_ring r
    WHERE r.service = connection_health.service AND r.connection_id = connection_health.connection_id), 20);

DROP TABLE connection_check;
DROP SEQUENCE connection_check_id_seq;
ALTER TABLE connection_check_ring RENAME TO connection_check;
ALTER TABLE connection_check ADD CONSTRAINT connection_check_pk PRIMARY KEY (service, connection_id, slot);
ALTER TABLE connection_check ADD CONSTRAINT connection_check_slot_in_ring CHECK (slot BETWEEN 0 AND 19);
ALTER TABLE connection_check ADD CONSTRAINT connection_check_outcome_known
    CHECK (outcome IN ('WORKS', 'CREDENTIALS_REJECTED', 'TEMPORARY', 'OUR_MISCONFIGURATION'));
-- The history hangs off the health row, as since V7: it goes with its connection.
ALTER TABLE connection_check ADD CONSTRAINT connection_check_health_fk
    FOREIGN KEY (service, connection_id) REFERENCES connection_health (service, connection_id) ON DELETE CASCADE;
