package ru.storelink.vk.control;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** The JSON bodies VK ID and the VK API send us (see docs/providers.md). */
public final class VkMessages {

    private VkMessages() {
    }

    /** A token answer, or an error ({@code invalid_grant}) in the same shape. */
    public record TokenAnswer(
            @JsonbProperty("access_token") String accessToken,
            @JsonbProperty("refresh_token") String refreshToken,
            @JsonbProperty("token_type") String tokenType,
            @JsonbProperty("expires_in") Long expiresIn,
            @JsonbProperty("user_id") Long userId,
            @JsonbProperty("state") String state,
            @JsonbProperty("error") String error,
            @JsonbProperty("error_description") String errorDescription) {
    }

    public record User(
            @JsonbProperty("id") Long id,
            @JsonbProperty("first_name") String firstName,
            @JsonbProperty("last_name") String lastName) {
    }

    public record Error(
            @JsonbProperty("error_code") Integer code,
            @JsonbProperty("error_msg") String message) {
    }

    /** Either {@code response} or {@code error}, always with HTTP 200. */
    public record UsersGet(
            @JsonbProperty("response") List<User> response,
            @JsonbProperty("error") Error error) {
    }
}
