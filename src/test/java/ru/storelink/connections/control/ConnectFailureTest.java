package ru.storelink.connections.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.storelink.connections.control.ProviderException.Reason;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.texts.Message;
import ru.storelink.texts.Texts;

/** What an owner is told when connecting fails at the provider: the service's own words first. */
class ConnectFailureTest {

    private static final ServiceType EVOTOR = new ServiceType("evotor", "bi-x");

    @Test
    void aServicesOwnWordsWin() {
        ProviderException noStore = new ProviderException(Reason.NOTHING_TO_CONNECT, "test", Message.of("evotor.no-store"));

        assertThat(ConnectFailure.message(EVOTOR, noStore).code()).isEqualTo("evotor.no-store");
        assertThat(Texts.render(ConnectFailure.message(EVOTOR, noStore))).contains("нет ни одного магазина");
    }

    @Test
    void withoutThemTheReasonSpeaksNamingTheService() {
        ProviderException unavailable = new ProviderException(Reason.UNAVAILABLE, "test");

        assertThat(ConnectFailure.message(EVOTOR, unavailable)).isEqualTo(Message.of("connect.UNAVAILABLE", "Эвотор"));
        assertThat(ConnectFailure.message(EVOTOR, new ProviderException(Reason.NOTHING_TO_CONNECT, "test")).code())
                .isEqualTo("connect.NOTHING_TO_CONNECT");
    }
}
