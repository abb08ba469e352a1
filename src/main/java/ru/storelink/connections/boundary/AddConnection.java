package ru.storelink.connections.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import ru.storelink.accounts.control.SignedInAccount;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.evotor.control.EvotorConnections;
import ru.storelink.vk.control.VkConnections;

/** Backs connections/add.xhtml: the services this owner has not connected yet. */
@Named
@RequestScoped
public class AddConnection {

    @Inject
    SignedInAccount account;

    @Inject
    EvotorConnections evotor;

    @Inject
    VkConnections vk;

    private final List<ServiceType> available = new ArrayList<>();

    @PostConstruct
    void load() {
        long accountId = account.id();
        if (evotor.of(accountId).isEmpty()) {
            available.add(ServiceType.EVOTOR);
        }
        if (vk.of(accountId).isEmpty()) {
            available.add(ServiceType.VK);
        }
    }

    public List<ServiceType> getAvailable() {
        return available;
    }
}
