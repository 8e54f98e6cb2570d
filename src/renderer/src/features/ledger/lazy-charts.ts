import { lazyComponent } from '../../lib/lazy-component'

/*
 * The overview's charts load in their own chunk with chart.js, so the first paint (totals and
 * account cards) does not wait for it. Render them inside a ChartSlot.
 */

/** {@link import('./spend-chart').SpendChart}, loaded on first use. */
export const LazySpendChart = lazyComponent(() => import('./spend-chart').then((module) => module.SpendChart))

/** {@link import('./balance-history-chart').BalanceHistoryChart}, loaded on first use. */
export const LazyBalanceHistoryChart = lazyComponent(() => import('./balance-history-chart').then((module) => module.BalanceHistoryChart))
