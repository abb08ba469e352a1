package ru.storelink.accounts.control;

/** Registration refused: an account with this (normalised) email address exists. */
public class EmailTakenException extends Exception {

    public EmailTakenException() {
        super("email already registered");
    }
}
