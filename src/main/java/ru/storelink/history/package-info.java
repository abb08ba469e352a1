/**
 * Health over time (issue 13): whether a connection has been reliable, not only whether it works now. The
 * 30-day strip on every card and the incidents on the service page are read from {@code healthcheck}'s
 * transitions; a closed day is summed up once per connection ({@code connection_day}), so a strip never
 * reads more than a month's rows; a timer rolls up the closed days and forgets what is older than
 * {@code health-check.history-retention-days}.
 */
package ru.storelink.history;
