-- Background health checks: the state a card shows, the counters behind it, the lease that lets several
-- application instances share the work, and a short history per connection.

ALTER TABLE evotor_connection ADD COLUMN state VARCHAR(24) DEFAULT 'NOT_CHECKED' NOT NULL;
ALTER TABLE evotor_connection ADD COLUMN last_success_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE evotor_connection ADD COLUMN consecutive_failures INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE evotor_connection ADD COLUMN last_check_outcome VARCHAR(24);
ALTER TABLE evotor_connection ADD COLUMN last_check_reason VARCHAR(200);
-- Who is checking the row right now, and until when (database time). NULL: nobody.
ALTER TABLE evotor_connection ADD COLUMN lease_owner VARCHAR(40);
ALTER TABLE evotor_connection ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;

ALTER TABLE vk_connection ADD COLUMN state VARCHAR(24) DEFAULT 'NOT_CHECKED' NOT NULL;
ALTER TABLE vk_connection ADD COLUMN last_success_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE vk_connection ADD COLUMN consecutive_failures INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE vk_connection ADD COLUMN last_check_outcome VARCHAR(24);
ALTER TABLE vk_connection ADD COLUMN last_check_reason VARCHAR(200);
ALTER TABLE vk_connection ADD COLUMN lease_owner VARCHAR(40);
ALTER TABLE vk_connection ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;

-- Rows connected before this migration: their state follows what is_online said.
UPDATE evotor_connection SET state = 'WORKING', last_success_at = last_checked_at WHERE is_online = TRUE;
UPDATE vk_connection SET state = 'WORKING', last_success_at = last_checked_at WHERE is_online = TRUE;

-- The due-connection query: never checked first, then the oldest check.
CREATE INDEX evotor_connection_due ON evotor_connection (last_checked_at);
CREATE INDEX vk_connection_due ON vk_connection (last_checked_at);

CREATE SEQUENCE connection_check_id_seq START WITH 50 INCREMENT BY 50;

-- The last checks of each connection (the application keeps 20 per connection).
CREATE TABLE connection_check (
    id             BIGINT                   NOT NULL,
    service        VARCHAR(10)              NOT NULL,
    connection_id  BIGINT                   NOT NULL,
    checked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome        VARCHAR(24)              NOT NULL,
    latency_ms     INTEGER                  NOT NULL,
    reason         VARCHAR(200),
    CONSTRAINT connection_check_pk PRIMARY KEY (id)
);
CREATE INDEX connection_check_of_connection ON connection_check (service, connection_id, checked_at);
