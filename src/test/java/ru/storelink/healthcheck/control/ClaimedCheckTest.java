package ru.storelink.healthcheck.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.storelink.connections.control.ConnectionStore.CheckInput;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.evotor.control.EvotorService;
import ru.storelink.vk.control.VkService;

class ClaimedCheckTest {

    @Test
    void aRowWithAStateStorelinkDoesNotKnowIsLeftOutNotFatal() {
        CheckInput input = new CheckInput(7L, 8L, "sealed-access", null, null, null);

        assertThat(ClaimedCheck.of(EvotorService.TYPE, input, "SOMETHING_NEW", 0, 0, "owner")).isEmpty();
    }

    @Test
    void aKnownRowBecomesACheck() {
        CheckInput input = new CheckInput(7L, 8L, "sealed-access", "sealed-refresh", null, "device");

        assertThat(ClaimedCheck.of(VkService.TYPE, input, "WORKING", 2, (short) 7, "owner")).hasValueSatisfying(check -> {
            assertThat(check.id()).isEqualTo(7L);
            assertThat(check.state()).isEqualTo(ConnectionStatus.WORKING);
            assertThat(check.consecutiveFailures()).isEqualTo(2);
            assertThat(check.historySlot()).isEqualTo(7);
        });
    }
}
