package ru.storelink.warehouse.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import ru.storelink.connections.entity.ProviderConnection;

/** An account's warehouse, by the name the provider gave it. */
@Entity
@Table(name = "warehouse_connection")
@NamedQuery(name = WarehouseConnection.OF_ACCOUNT, query = "SELECT w FROM WarehouseConnection w WHERE w.accountId = :accountId")
@NamedQuery(name = WarehouseConnection.DELETE_OF_ACCOUNT, query = "DELETE FROM WarehouseConnection w WHERE w.accountId = :accountId")
public class WarehouseConnection extends ProviderConnection {

    public static final String OF_ACCOUNT = "WarehouseConnection.ofAccount";
    public static final String DELETE_OF_ACCOUNT = "WarehouseConnection.deleteOfAccount";

    @Id
    @SequenceGenerator(name = "warehouse_connection_id", sequenceName = "warehouse_connection_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "warehouse_connection_id")
    private Long id;

    @Column(name = "warehouse_name", nullable = false, length = 500)
    private String warehouseName;

    protected WarehouseConnection() {
        // for JPA
    }

    public WarehouseConnection(long accountId) {
        super(accountId);
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getWarehouseName() {
        return warehouseName;
    }

    public void name(String warehouseName) {
        this.warehouseName = warehouseName;
    }
}
