package ru.storelink.evotor.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import ru.storelink.connections.entity.ProviderConnection;

/** An account's Evotor cloud cash register, and the store of it this connection uses. */
@Entity
@Table(name = "evotor_connection")
@NamedQuery(name = EvotorConnection.OF_ACCOUNT, query = "SELECT e FROM EvotorConnection e WHERE e.accountId = :accountId")
@NamedQuery(name = EvotorConnection.DELETE_OF_ACCOUNT, query = "DELETE FROM EvotorConnection e WHERE e.accountId = :accountId")
public class EvotorConnection extends ProviderConnection {

    public static final String OF_ACCOUNT = "EvotorConnection.ofAccount";
    public static final String DELETE_OF_ACCOUNT = "EvotorConnection.deleteOfAccount";

    @Id
    @SequenceGenerator(name = "evotor_connection_id", sequenceName = "evotor_connection_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evotor_connection_id")
    private Long id;

    @Column(name = "store_id", nullable = false, length = 100)
    private String storeId;

    @Column(name = "store_name", nullable = false, length = 500)
    private String storeName;

    protected EvotorConnection() {
        // for JPA
    }

    public EvotorConnection(long accountId) {
        super(accountId);
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getStoreId() {
        return storeId;
    }

    public String getStoreName() {
        return storeName;
    }

    public void useStore(String storeId, String storeName) {
        this.storeId = storeId;
        this.storeName = storeName;
    }
}
