/**
 * A third service that exists only in the test deployment, to prove that a service is a plug-in: its
 * entity, store, connect flow, probe, simulator, page fragment and migration
 * ({@code src/test/resources/db/test-migration}) live here, and no core file names it. README's "Adding a
 * service" walks through it. It may use the core ({@code connections}, {@code healthcheck}); nothing
 * uses it but the CDI container and its own tests.
 */
package ru.storelink.warehouse;
