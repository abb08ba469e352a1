package ru.storelink.connections.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import ru.storelink.accounts.control.SignedInAccount;
import ru.storelink.connections.control.Services;
import ru.storelink.connections.entity.ServiceType;

/** Backs connections/add.xhtml: the services this owner has not connected yet. */
@Named
@RequestScoped
public class AddConnection {

    @Inject
    SignedInAccount account;

    @Inject
    Services services;

    private List<ServiceType> available;

    @PostConstruct
    void load() {
        long accountId = account.id();
        available = services.all().stream()
                .filter(service -> service.store().of(accountId).isEmpty())
                .map(service -> service.type())
                .toList();
    }

    public List<ServiceType> getAvailable() {
        return available;
    }
}
