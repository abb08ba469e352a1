package ru.storelink.vk.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import ru.storelink.accounts.control.SignedInAccount;
import ru.storelink.connections.boundary.ServicePage;
import ru.storelink.connections.control.CheckTimes;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.healthcheck.control.Claims;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.vk.control.VkConnections;

/** Backs vk.xhtml: the connected VK profile, or «Подключить». */
@Named
@RequestScoped
public class VkPage {

    @Inject
    SignedInAccount account;

    @Inject
    VkConnections connections;

    @Inject
    ProviderConfiguration providers;

    @Inject
    CheckTimes times;

    @Inject
    Claims claims;

    private ServicePage connection;
    private String name;
    private long vkUserId;

    @PostConstruct
    void load() {
        connections.of(account.id()).ifPresent(vk -> {
            connection = ServicePage.of(vk, times, claims.history(ServiceType.VK, vk.getId()));
            name = vk.getFirstName() + " " + vk.getLastName();
            vkUserId = vk.getVkUserId();
        });
    }

    public boolean isConnected() {
        return connection != null;
    }

    public ServicePage getConnection() {
        return connection;
    }

    public String getName() {
        return name;
    }

    public long getVkUserId() {
        return vkUserId;
    }

    public ServiceType getService() {
        return ServiceType.VK;
    }

    public boolean isDemo() {
        return providers.vk().demo();
    }
}
