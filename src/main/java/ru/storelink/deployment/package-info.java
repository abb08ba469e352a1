/**
 * What a real deployment must have configured (token key, HTTPS, client ids on PostgreSQL), checked before
 * anything else starts. It asks {@code connections} which services run in demo mode.
 */
package ru.storelink.deployment;
