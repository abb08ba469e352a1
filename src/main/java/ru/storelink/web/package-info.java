/**
 * Cross-cutting web concerns: the canonical host, security headers and CSP, refusing bad posts, no-store
 * caching. It uses no feature.
 */
package ru.storelink.web;
