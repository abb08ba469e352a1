package ru.storelink.connections.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.logging.Logger;
import ru.storelink.accounts.control.SignedInAccount;
import ru.storelink.connections.control.ConnectableService;
import ru.storelink.connections.control.FormToken;
import ru.storelink.connections.control.Notices;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.texts.Texts;

/**
 * Deleting the signed-in owner's connection of one service, for {@code POST /connections/delete} and its
 * aliases {@code /<service>/disconnect}. Only the owner's own row can be reached:
 * the account comes from the session, never from the request.
 */
@RequestScoped
public class Disconnections {

    private static final Logger LOG = Logger.getLogger(Disconnections.class.getName());

    @Inject
    SignedInAccount account;

    @Inject
    FormToken formToken;

    @Inject
    Notices notices;

    public Response delete(ConnectableService service, String submittedToken) {
        ServiceType type = service.type();
        long accountId = account.id();
        if (!formToken.matches(submittedToken)) {
            LOG.warning(() -> "Refused deleting the " + type + " connection of account " + accountId + ": bad form token");
            return Response.status(Response.Status.FORBIDDEN).build();
        }
        boolean deleted = service.store().delete(accountId);
        notices.success(Texts.render(deleted ? "disconnect.done" : "disconnect.already", type.title()));
        return Callbacks.toConnections();
    }
}
