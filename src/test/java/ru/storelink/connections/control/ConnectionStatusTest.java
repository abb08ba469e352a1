package ru.storelink.connections.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.evotor.entity.EvotorConnection;

class ConnectionStatusTest {

    @Test
    void aConnectionJustAuthorizedWorks() {
        EvotorConnection connection = new EvotorConnection(1);
        connection.authorized("sealed", null, null);

        assertThat(ConnectionStatus.of(connection)).isEqualTo(ConnectionStatus.WORKING);
        assertThat(ConnectionStatus.WORKING.getText()).isEqualTo("Работает");
    }

    @Test
    void neverCheckedIsGrey() {
        assertThat(ConnectionStatus.of(new EvotorConnection(1))).isEqualTo(ConnectionStatus.NOT_CHECKED);
        assertThat(ConnectionStatus.NOT_CHECKED.getText()).isEqualTo("Не проверено");
    }

    @Test
    void everyStatusHasWordsNotOnlyAColour() {
        for (ConnectionStatus status : ConnectionStatus.values()) {
            assertThat(status.getText()).isNotBlank();
            assertThat(status.getStyleClass()).startsWith("status-");
        }
        assertThat(ConnectionStatus.NEEDS_RECONNECT.getText()).isEqualTo("Требуется переподключение");
    }

    @Test
    void failureTextsNameTheService() {
        for (ConnectFailure failure : ConnectFailure.values()) {
            assertThat(failure.text(ServiceType.VK)).contains("ВКонтакте");
        }
        assertThat(ServiceType.byKey("evotor")).contains(ServiceType.EVOTOR);
        assertThat(ServiceType.byKey("EVOTOR")).isEmpty();
        assertThat(ServiceType.byKey(null)).isEmpty();
    }
}
