package ru.storelink.evotor.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import ru.storelink.accounts.control.SignedInAccount;
import ru.storelink.connections.control.Notices;
import ru.storelink.connections.control.ProviderException;
import ru.storelink.connections.control.TokenCipher.TokenUnreadableException;
import ru.storelink.evotor.control.EvotorConnections;
import ru.storelink.evotor.control.EvotorMessages.Store;
import ru.storelink.evotor.control.EvotorOAuth;
import ru.storelink.evotor.entity.EvotorConnection;
import ru.storelink.texts.Texts;

/**
 * Backs evotor.xhtml's own part of the service page: the store the connection uses and, with several
 * stores in the Evotor account, the choice among them.
 */
@Named
@ViewScoped
public class EvotorPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(EvotorPage.class.getName());

    @Inject
    SignedInAccount account;

    @Inject
    EvotorConnections connections;

    @Inject
    EvotorOAuth oauth;

    @Inject
    Notices notices;

    private String storeId;
    private String storeName;
    private List<Store> stores = List.of();
    private boolean storesUnavailable;

    @PostConstruct
    void load() {
        Optional<EvotorConnection> found = connections.of(account.id());
        if (found.isEmpty()) {
            return;
        }
        EvotorConnection evotor = found.get();
        storeId = evotor.getStoreId();
        storeName = evotor.getStoreName();
        try {
            stores = oauth.stores(connections.accessToken(evotor));
        } catch (ProviderException | TokenUnreadableException e) {
            LOG.info(() -> "Store list of Evotor connection " + evotor.getId() + " unavailable: " + e.getMessage());
            storesUnavailable = true;
        }
    }

    /** Switches to the store the owner picked, if it is one of the account's stores. */
    public void saveStore() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        Optional<Store> chosen = stores.stream().filter(store -> store.id().equals(storeId)).findFirst();
        if (chosen.isEmpty()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Texts.render("evotor.store-choice-invalid"), null));
            faces.validationFailed();
            return;
        }
        if (connections.useStore(account.id(), chosen.get())) {
            notices.success(Texts.render("evotor.store-chosen", chosen.get().name()));
        } else {
            notices.error(Texts.render("evotor.store-choice-gone"));
        }
        faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + "/evotor");
    }

    public String getStoreName() {
        return storeName;
    }

    public String getStoreId() {
        return storeId;
    }

    public void setStoreId(String storeId) {
        this.storeId = storeId;
    }

    public List<Store> getStores() {
        return stores;
    }

    public boolean isStoreChoice() {
        return stores.size() > 1;
    }

    public boolean isStoresUnavailable() {
        return storesUnavailable;
    }
}
