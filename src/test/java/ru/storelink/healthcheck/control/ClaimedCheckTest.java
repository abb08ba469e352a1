package ru.storelink.healthcheck.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.evotor.control.EvotorService;
import ru.storelink.vk.control.VkService;

class ClaimedCheckTest {

    @Test
    void aRowWithAStateStorelinkDoesNotKnowIsLeftOutNotFatal() {
        Object[] row = {7L, 8L, "sealed-access", null, null, null, "SOMETHING_NEW", 0};

        assertThat(ClaimedCheck.of(EvotorService.TYPE, row, "owner")).isEmpty();
    }

    @Test
    void aKnownRowBecomesACheck() {
        Object[] row = {7L, 8L, "sealed-access", "sealed-refresh", null, "device", "WORKING", 2};

        assertThat(ClaimedCheck.of(VkService.TYPE, row, "owner")).hasValueSatisfying(check -> {
            assertThat(check.id()).isEqualTo(7L);
            assertThat(check.state()).isEqualTo(ConnectionStatus.WORKING);
            assertThat(check.consecutiveFailures()).isEqualTo(2);
        });
    }
}
