package ru.storelink.vk.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import ru.storelink.accounts.control.SignedInAccount;
import ru.storelink.vk.control.VkConnections;

/** Backs vk.xhtml's own part of the service page: the connected VK profile. */
@Named
@RequestScoped
public class VkPage {

    @Inject
    SignedInAccount account;

    @Inject
    VkConnections connections;

    private String name;
    private long vkUserId;

    @PostConstruct
    void load() {
        connections.of(account.id()).ifPresent(vk -> {
            name = vk.getFirstName() + " " + vk.getLastName();
            vkUserId = vk.getVkUserId();
        });
    }

    public String getName() {
        return name;
    }

    public long getVkUserId() {
        return vkUserId;
    }
}
