/**
 * The background checker: the {@code @Schedule} timer, claims with leases that several instances share,
 * sweeps, the checker and its rules, token renewal as its own durable step, and the check history. Its
 * working state (status, counters, schedule, lease) is its own table, {@code connection_health}, whose row
 * it creates when {@code connections} announces an authorization; the connection tables it writes only
 * through {@code ConnectionStore} and {@code Renewals}. It finds each service's {@code Probe} through CDI;
 * it may use {@code connections}, never a service.
 */
package ru.storelink.healthcheck;
