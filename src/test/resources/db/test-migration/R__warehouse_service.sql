-- The test-only warehouse service's table (ru.storelink.warehouse): a repeatable migration in a location
-- only the test deployment adds (db.migration-locations), so the real schema never has it.
CREATE SEQUENCE IF NOT EXISTS warehouse_connection_id_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE IF NOT EXISTS warehouse_connection (
    id                   BIGINT                   NOT NULL,
    account_id           BIGINT                   NOT NULL,
    warehouse_name       VARCHAR(500)             NOT NULL,
    access_token         VARCHAR(4000)            NOT NULL,
    refresh_token        VARCHAR(4000),
    token_expires_at     TIMESTAMP WITH TIME ZONE,
    is_online            BOOLEAN                  DEFAULT FALSE NOT NULL,
    last_checked_at      TIMESTAMP WITH TIME ZONE,
    connected_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT                   DEFAULT 0 NOT NULL,
    refresh_lease_owner  VARCHAR(40),
    refresh_lease_until  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT warehouse_connection_pk PRIMARY KEY (id),
    CONSTRAINT warehouse_connection_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT warehouse_connection_account_unique UNIQUE (account_id)
);

-- Its health goes with the connection, as Evotor's and VK's does (V7), and the history with the health:
-- state, schedule and lease live in connection_health, not in the row above.
ALTER TABLE connection_health ADD COLUMN IF NOT EXISTS warehouse_connection_id BIGINT
    REFERENCES warehouse_connection (id) ON DELETE CASCADE;
