-- Connections of an account to Evotor and to VK: one table per service, at most one row per account and
-- service. Tokens are stored encrypted (AES-GCM, see TokenCipher), never in clear.

CREATE SEQUENCE evotor_connection_id_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE evotor_connection (
    id                BIGINT                   NOT NULL,
    account_id        BIGINT                   NOT NULL,
    store_id          VARCHAR(100)             NOT NULL,
    store_name        VARCHAR(500)             NOT NULL,
    access_token      VARCHAR(4000)            NOT NULL,
    refresh_token     VARCHAR(4000),
    token_expires_at  TIMESTAMP WITH TIME ZONE,
    is_online         BOOLEAN                  DEFAULT FALSE NOT NULL,
    last_checked_at   TIMESTAMP WITH TIME ZONE,
    connected_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT                   DEFAULT 0 NOT NULL,
    CONSTRAINT evotor_connection_pk PRIMARY KEY (id),
    CONSTRAINT evotor_connection_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    -- One Evotor connection per account, whatever the application code does.
    CONSTRAINT evotor_connection_account_unique UNIQUE (account_id)
);

CREATE SEQUENCE vk_connection_id_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE vk_connection (
    id                BIGINT                   NOT NULL,
    account_id        BIGINT                   NOT NULL,
    vk_user_id        BIGINT                   NOT NULL,
    first_name        VARCHAR(500)             NOT NULL,
    last_name         VARCHAR(500)             NOT NULL,
    access_token      VARCHAR(4000)            NOT NULL,
    refresh_token     VARCHAR(4000),
    token_expires_at  TIMESTAMP WITH TIME ZONE,
    -- VK ID binds refresh tokens to the device the authorization happened on.
    device_id         VARCHAR(500)             NOT NULL,
    is_online         BOOLEAN                  DEFAULT FALSE NOT NULL,
    last_checked_at   TIMESTAMP WITH TIME ZONE,
    connected_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT                   DEFAULT 0 NOT NULL,
    CONSTRAINT vk_connection_pk PRIMARY KEY (id),
    CONSTRAINT vk_connection_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT vk_connection_account_unique UNIQUE (account_id)
);
