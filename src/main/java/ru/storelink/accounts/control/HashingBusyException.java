package ru.storelink.accounts.control;

/**
 * Every password-hashing turn is taken and as many requests already wait for one: the login or
 * registration is refused at once (HTTP 429) instead of queueing CPU work ahead of signed-in owners.
 */
public class HashingBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HashingBusyException() {
        super("password hashing is busy", null, false, false);
    }
}
