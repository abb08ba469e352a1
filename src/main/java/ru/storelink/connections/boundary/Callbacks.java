package ru.storelink.connections.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.logging.Logger;
import ru.storelink.accounts.control.SignedInAccount;
import ru.storelink.connections.control.ConnectFailure;
import ru.storelink.connections.control.Notices;
import ru.storelink.connections.control.OAuthCallbacks;
import ru.storelink.connections.control.OAuthCallbacks.Verified;
import ru.storelink.connections.control.ProviderException;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.texts.Message;
import ru.storelink.texts.Texts;

/**
 * What the Evotor and VK callback resources share: verify the callback, let the service finish, tell the
 * owner how it went, and send the browser to /connections with a 303 (so the code never stays in the
 * address bar and a reload posts nothing).
 */
@RequestScoped
public class Callbacks {

    private static final Logger LOG = Logger.getLogger(Callbacks.class.getName());

    @Inject
    OAuthCallbacks callbacks;

    @Inject
    SignedInAccount account;

    @Inject
    Notices notices;

    /** The part of a callback only the service knows. */
    @FunctionalInterface
    public interface Completion {
        Message complete(long accountId, Verified callback) throws ProviderException;
    }

    public Response handle(ServiceType type, UriInfo uri, Completion completion) {
        long accountId = account.id();
        try {
            Verified callback = callbacks.verify(type, uri.getQueryParameters());
            notices.success(Texts.render(completion.complete(accountId, callback)));
        } catch (OAuthCallbacks.Refused e) {
            notices.error(Texts.render(e.failure().message(type)));
        } catch (ProviderException e) {
            LOG.warning(() -> "Connecting " + type + " for account " + accountId + " failed: " + e.getMessage());
            notices.error(Texts.render(ConnectFailure.message(type, e)));
        }
        return toConnections();
    }

    public static Response toConnections() {
        return Response.seeOther(URI.create("/connections")).build();
    }
}
