package ru.storelink.evotor.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.control.ProviderException;
import ru.storelink.connections.control.ProviderException.Reason;
import ru.storelink.connections.control.ProviderResponses.Answer;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.evotor.control.EvotorMessages.StoresPage;
import ru.storelink.healthcheck.control.ClaimedCheck;
import ru.storelink.healthcheck.control.Credentials;
import ru.storelink.healthcheck.control.Probe;

/**
 * Evotor's health check: {@code GET /stores} with the Bearer token. On a 401 with a refresh token held,
 * one refresh (through {@link Credentials}, stored at once) and one retry before the verdict (as Evotor's
 * own clients do).
 */
@ApplicationScoped
public class EvotorProbe implements Probe {

    @Inject
    EvotorOAuth oauth;

    @Override
    public ServiceType service() {
        return EvotorService.TYPE;
    }

    @Override
    public ProbeResult probe(ClaimedCheck check, Credentials credentials) {
        try {
            return credentials.callRenewingOnce(false, this::stores, oauth::refresh);
        } catch (ProviderException e) {
            return ProbeResult.failed(EvotorService.TYPE, e);
        }
    }

    private ProbeResult stores(String accessToken) throws ProviderException {
        Answer answer = oauth.firstStoresPage(accessToken);
        ProbeResult verdict = EvotorOutcomes.ofStatus(answer.status());
        if (verdict.outcome() == CheckOutcome.WORKS && answer.json(StoresPage.class).items() == null) {
            throw new ProviderException(Reason.MALFORMED, "Evotor stores answer without items");
        }
        return verdict;
    }
}
