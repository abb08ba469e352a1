-- Services are plug-ins: each one's history rows point at its own connection table through its own
-- column of connection_check (evotor_connection_id, vk_connection_id, ...), which its migration adds.
-- The check that named exactly two services becomes one check per service, so a new service's rows are
-- allowed without touching the others' rules.
ALTER TABLE connection_check DROP CONSTRAINT connection_check_one_connection;
ALTER TABLE connection_check ADD CONSTRAINT connection_check_evotor_row
    CHECK ((service = 'evotor') = (evotor_connection_id IS NOT NULL)
           AND (evotor_connection_id IS NULL OR evotor_connection_id = connection_id));
ALTER TABLE connection_check ADD CONSTRAINT connection_check_vk_row
    CHECK ((service = 'vk') = (vk_connection_id IS NOT NULL)
           AND (vk_connection_id IS NULL OR vk_connection_id = connection_id));
