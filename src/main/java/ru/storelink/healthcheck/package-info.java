/**
 * The background checker: the {@code @Schedule} timer, claims with leases that several instances share,
 * sweeps, the checker and its rules, token renewal as its own durable step, and the check history. It finds
 * each service's {@code Probe} through CDI; it may use {@code connections}, never a service.
 */
package ru.storelink.healthcheck;
