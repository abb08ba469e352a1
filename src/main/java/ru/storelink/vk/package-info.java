/**
 * VK as a plug-in: VK ID with PKCE, the API client, its probe with its error table, its connection entity
 * and store, and its part of the service page. It uses the core ({@code connections}, {@code healthcheck});
 * no other package uses it.
 */
package ru.storelink.vk;
