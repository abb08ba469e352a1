/**
 * Accounts: registration, form login with throttling and bounded password hashing, logout, session limits.
 * The ground floor: it uses no other feature, and every signed-in page uses its {@code SignedInAccount}.
 */
package ru.storelink.accounts;
