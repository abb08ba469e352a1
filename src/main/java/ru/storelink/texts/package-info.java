/**
 * Owner-facing words: {@code Message} (a code and its arguments, what control and entity code returns and
 * the database stores) and {@code Texts} (renders them from the message bundle, at the boundary only). It
 * uses nothing else of the product.
 */
package ru.storelink.texts;
