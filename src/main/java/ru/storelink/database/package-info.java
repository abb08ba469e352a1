/**
 * The data source from configuration and the Flyway migration at start-up; nothing else touches the schema.
 */
package ru.storelink.database;
