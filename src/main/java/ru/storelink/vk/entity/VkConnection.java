package ru.storelink.vk.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import ru.storelink.connections.entity.ProviderConnection;

/** An account's VK profile, authorized through VK ID. */
@Entity
@Table(name = "vk_connection")
@NamedQuery(name = VkConnection.OF_ACCOUNT, query = "SELECT v FROM VkConnection v WHERE v.accountId = :accountId")
@NamedQuery(name = VkConnection.DELETE_OF_ACCOUNT, query = "DELETE FROM VkConnection v WHERE v.accountId = :accountId")
public class VkConnection extends ProviderConnection {

    public static final String OF_ACCOUNT = "VkConnection.ofAccount";
    public static final String DELETE_OF_ACCOUNT = "VkConnection.deleteOfAccount";

    @Id
    @SequenceGenerator(name = "vk_connection_id", sequenceName = "vk_connection_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "vk_connection_id")
    private Long id;

    @Column(name = "vk_user_id", nullable = false)
    private long vkUserId;

    @Column(name = "first_name", nullable = false, length = 500)
    private String firstName;

    @Column(name = "last_name", nullable = false, length = 500)
    private String lastName;

    /** VK ID ties refresh tokens to the device of the authorization; needed to refresh. */
    @Column(name = "device_id", nullable = false, length = 500)
    private String deviceId;

    protected VkConnection() {
        // for JPA
    }

    public VkConnection(long accountId) {
        super(accountId);
    }

    @Override
    public Long getId() {
        return id;
    }

    public long getVkUserId() {
        return vkUserId;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void profile(long vkUserId, String firstName, String lastName, String deviceId) {
        this.vkUserId = vkUserId;
        this.firstName = firstName;
        this.lastName = lastName;
        this.deviceId = deviceId;
    }
}
