package ru.storelink.healthcheck.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.evotor.entity.EvotorConnection;
import ru.storelink.healthcheck.control.HealthRules.Health;
import ru.storelink.texts.Texts;

class HealthRulesTest {

    private static final int N = 3;

    @ParameterizedTest
    @EnumSource(ConnectionStatus.class)
    void aWorkingCheckMakesAnyCardGreen(ConnectionStatus previous) {
        Health health = HealthRules.after(previous, 2, CheckOutcome.WORKS, N);

        assertThat(health).isEqualTo(new Health(ConnectionStatus.WORKING, 0));
        assertThat(health.online()).isTrue();
    }

    @Test
    void rejectedCredentialsAskForAReconnectAtOnce() {
        Health health = HealthRules.after(ConnectionStatus.WORKING, 0, CheckOutcome.CREDENTIALS_REJECTED, N);

        assertThat(health.state()).isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
        assertThat(health.online()).isFalse();
    }

    @Test
    void temporaryFailuresKeepTheCardUntilTheNth() {
        Health first = HealthRules.after(ConnectionStatus.WORKING, 0, CheckOutcome.TEMPORARY, N);
        Health second = HealthRules.after(first.state(), first.consecutiveFailures(), CheckOutcome.TEMPORARY, N);
        Health third = HealthRules.after(second.state(), second.consecutiveFailures(), CheckOutcome.TEMPORARY, N);

        assertThat(first).isEqualTo(new Health(ConnectionStatus.WORKING, 1));
        assertThat(first.online()).as("still the previous state").isTrue();
        assertThat(second).isEqualTo(new Health(ConnectionStatus.WORKING, 2));
        assertThat(third).isEqualTo(new Health(ConnectionStatus.SERVICE_UNAVAILABLE, 3));
        assertThat(third.state()).as("never «reconnect» for a provider's outage").isNotEqualTo(ConnectionStatus.NEEDS_RECONNECT);
    }

    @Test
    void aTemporaryFailureDoesNotHealARedCard() {
        assertThat(HealthRules.after(ConnectionStatus.NEEDS_RECONNECT, 0, CheckOutcome.TEMPORARY, N).state())
                .isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
        assertThat(HealthRules.after(ConnectionStatus.NOT_CHECKED, 0, CheckOutcome.TEMPORARY, N).state())
                .isEqualTo(ConnectionStatus.NOT_CHECKED);
    }

    @Test
    void ourOwnFailureIsNeitherGreenNorTheOwnersFault() {
        assertThat(HealthRules.after(ConnectionStatus.WORKING, 1, CheckOutcome.OUR_MISCONFIGURATION, N))
                .isEqualTo(new Health(ConnectionStatus.CANNOT_CHECK, 1));
        assertThat(HealthRules.after(ConnectionStatus.NEEDS_RECONNECT, 0, CheckOutcome.OUR_MISCONFIGURATION, N).online()).isFalse();
        assertThat(Texts.render(ConnectionStatus.CANNOT_CHECK.getTextCode())).isEqualTo("Не удаётся проверить");
    }

    @Test
    void statusesReadWithoutColour() {
        assertThat(Texts.render(ConnectionStatus.WORKING.getTextCode())).isEqualTo("Работает");
        assertThat(Texts.render(ConnectionStatus.NEEDS_RECONNECT.getTextCode())).isEqualTo("Требуется переподключение");
        assertThat(Texts.render(ConnectionStatus.SERVICE_UNAVAILABLE.getTextCode())).isEqualTo("Сервис недоступен");
        assertThat(Texts.render(ConnectionStatus.NOT_CHECKED.getTextCode())).isEqualTo("Не проверено");
        EvotorConnection fresh = new EvotorConnection(1);
        assertThat(fresh.isOnline()).isFalse();
        fresh.authorized("sealed", null, null);
        assertThat(fresh.isOnline()).isTrue();
    }
}
