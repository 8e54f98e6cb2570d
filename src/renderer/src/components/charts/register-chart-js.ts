import { BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js'

/*
 * The chart.js pieces Coffer's charts use, registered once: bar charts (spend, plan costs), the
 * balance-history line with its filled area, category/linear axes, tooltips and the spend legend.
 * Registering only these (not `registerables`) keeps the rest of chart.js out of the bundle.
 * Import this module for its effect from every chart component.
 */
Chart.register(BarElement, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend, Filler)
