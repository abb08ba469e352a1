package ru.storelink.evotor.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import ru.storelink.connections.control.Grant;
import ru.storelink.connections.control.PendingAuthorizations.Pending;
import ru.storelink.connections.control.ProviderException;
import ru.storelink.connections.control.ProviderException.Reason;
import ru.storelink.connections.control.ProviderResponses;
import ru.storelink.connections.control.ProviderResponses.Answer;
import ru.storelink.connections.control.ProviderSettings;
import ru.storelink.evotor.control.EvotorMessages.OAuthError;
import ru.storelink.evotor.control.EvotorMessages.Store;
import ru.storelink.evotor.control.EvotorMessages.StoresPage;
import ru.storelink.evotor.control.EvotorMessages.TokenAnswer;

/** Evotor's authorization-code flow and the store list, as docs/providers.md describes them. */
@ApplicationScoped
public class EvotorOAuth {

    static final String SCOPE = "store:read";
    /** A cursor loop that never ends is the provider's bug, not a reason to hang. */
    static final int MAX_STORE_PAGES = 50;

    @Inject
    EvotorClients clients;

    public URI authorizationUri(Pending pending) {
        ProviderSettings settings = clients.settings();
        return UriBuilder.fromUri(settings.authorizationUrl()).path("/oauth/authorize")
                .queryParam("client_id", settings.clientId())
                .queryParam("response_type", "code")
                .queryParam("redirect_uri", settings.redirectUri())
                .queryParam("state", pending.state())
                .queryParam("scope", SCOPE)
                .build();
    }

    public Grant exchange(String code) throws ProviderException {
        return token("Evotor token exchange", new Form()
                .param("grant_type", "authorization_code")
                .param("code", code)
                .param("redirect_uri", clients.settings().redirectUri().toString()), null);
    }

    /** A new access token for a refresh token; Evotor may rotate the refresh token too. */
    public Grant refresh(String refreshToken) throws ProviderException {
        return token("Evotor token refresh", new Form()
                .param("grant_type", "refresh_token")
                .param("refresh_token", refreshToken), refreshToken);
    }

    private Grant token(String what, Form form, String currentRefreshToken) throws ProviderException {
        ProviderSettings settings = clients.settings();
        Answer answer = ProviderResponses.call(what, settings.totalTimeout(), () -> clients.oauth().token(basic(settings), form));
        if (answer.status() == 400 || answer.status() == 401) {
            OAuthError error = answer.json(OAuthError.class);
            throw new ProviderException("invalid_grant".equals(error.error()) ? Reason.GRANT_REFUSED : Reason.ACCESS_REFUSED,
                    what + " answered " + answer.status() + " " + error.error());
        }
        if (!answer.ok()) {
            throw answer.unexpected();
        }
        TokenAnswer token = answer.json(TokenAnswer.class);
        if (token.accessToken() == null || token.accessToken().isBlank()) {
            throw new ProviderException(Reason.MALFORMED, what + " answered without access_token");
        }
        return Grant.of(token.accessToken(), token.refreshToken() != null ? token.refreshToken() : currentRefreshToken,
                token.expiresIn());
    }

    /** The first page of the stores: the health check's probe. */
    public Answer firstStoresPage(String accessToken) throws ProviderException {
        return ProviderResponses.call("Evotor stores", clients.settings().totalTimeout(), () -> clients.api().stores("Bearer " + accessToken, null));
    }

    /** All stores of the account, following {@code next_cursor}. */
    public List<Store> stores(String accessToken) throws ProviderException {
        List<Store> stores = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_STORE_PAGES; page++) {
            String current = cursor;
            Answer answer = ProviderResponses.call("Evotor stores", clients.settings().totalTimeout(),
                    () -> clients.api().stores("Bearer " + accessToken, current));
            if (answer.status() == 401 || answer.status() == 403) {
                throw new ProviderException(Reason.ACCESS_REFUSED, "Evotor stores answered " + answer.status());
            }
            if (!answer.ok()) {
                throw answer.unexpected();
            }
            StoresPage received = answer.json(StoresPage.class);
            if (received.items() == null) {
                throw new ProviderException(Reason.MALFORMED, "Evotor stores answer without items");
            }
            for (Store store : received.items()) {
                if (store == null || store.id() == null || store.id().isBlank() || store.id().length() > 100
                        || store.name() == null || store.name().length() > 500) {
                    throw new ProviderException(Reason.MALFORMED, "Evotor store without a usable id or name");
                }
                stores.add(store);
            }
            cursor = received.paging() == null ? null : received.paging().nextCursor();
            if (cursor == null) {
                return stores;
            }
        }
        throw new ProviderException(Reason.MALFORMED, "Evotor stores did not end after " + MAX_STORE_PAGES + " pages");
    }

    private static String basic(ProviderSettings settings) {
        String credentials = settings.clientId() + ":" + settings.clientSecret();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
