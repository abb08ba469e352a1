/**
 * What every simulated provider of demo mode shares: grants that rotate and detect reuse, answers, the
 * consent page. Each service's own simulator lives in its package ({@code SimulatedEvotor}, {@code SimulatedVk});
 * the tests' loopback simulators wrap the same ones. It uses nothing of the product.
 */
package ru.storelink.demo;
