package ru.storelink.evotor.control;

import jakarta.json.bind.annotation.JsonbProperty;
import java.io.Serializable;
import java.util.List;

/** The JSON bodies Evotor sends us (see docs/providers.md). */
public final class EvotorMessages {

    private EvotorMessages() {
    }

    public record TokenAnswer(
            @JsonbProperty("access_token") String accessToken,
            @JsonbProperty("token_type") String tokenType,
            @JsonbProperty("refresh_token") String refreshToken,
            @JsonbProperty("expires_in") Long expiresIn,
            @JsonbProperty("scope") String scope) {
    }

    public record OAuthError(
            @JsonbProperty("error") String error,
            @JsonbProperty("error_description") String description) {
    }

    public record Store(
            @JsonbProperty("id") String id,
            @JsonbProperty("name") String name,
            @JsonbProperty("address") String address) implements Serializable {

        private static final long serialVersionUID = 1L;

        // Getters for Faces EL (EL 5 does not read record components).
        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }
    }

    public record Paging(@JsonbProperty("next_cursor") String nextCursor) {
    }

    public record StoresPage(
            @JsonbProperty("items") List<Store> items,
            @JsonbProperty("paging") Paging paging) {
    }
}
