package ru.storelink.connections.control;

import java.net.URI;
import ru.storelink.connections.control.OAuthCallbacks.Verified;
import ru.storelink.connections.control.PendingAuthorizations.Pending;
import ru.storelink.texts.Message;

/** What differs between connecting Evotor and connecting VK; everything else is shared. */
public interface ConnectFlow {

    /** Where «Подключить» sends the browser for this authorization. */
    URI authorizationUri(Pending pending);

    /**
     * Finishes a verified callback: exchanges the code, reads the details, and only when all of that
     * worked stores the connection.
     *
     * @return what to tell the owner is now connected
     */
    Message complete(long accountId, Verified callback) throws ProviderException;
}
