import type { SimResponse } from '../provider-simulator'

/**
 * GitHub `GET /users/{user}/settings/billing/usage` (docs.github.com/rest/billing/usage; go-github
 * `UsageItem`): `{ usageItems: [{ date, product, sku, quantity, unitType, pricePerUnit, grossAmount,
 * discountAmount, netAmount }] }`.
 */
export function githubUserUsage(items: readonly { date: string; product: string; sku: string; quantity: number; price: number; discount: number }[]): SimResponse {
  return {
    body: {
      usageItems: items.map((item) => {
        const gross = Number((item.quantity * item.price).toFixed(4))
        return {
          date: `${item.date}T00:00:00Z`,
          product: item.product,
          sku: item.sku,
          quantity: item.quantity,
          unitType: 'requests',
          pricePerUnit: item.price,
          grossAmount: gross,
          discountAmount: item.discount,
          netAmount: Number((gross - item.discount).toFixed(4))
        }
      })
    }
  }
}

/**
 * GitHub `GET /organizations/{org}/settings/billing/premium_request/usage?year&month&day`
 * (go-github `PremiumRequestUsageReport`): one day's `usageItems` by model.
 */
export function githubPremiumUsage(day: string, items: readonly { model: string; grossQuantity: number; discountQuantity: number; price: number }[]): SimResponse {
  const [year, month, date] = day.split('-').map(Number)
  return {
    body: {
      timePeriod: { year, month, day: date },
      organization: 'acme',
      usageItems: items.map((item) => ({
        product: 'Copilot',
        sku: 'Copilot Premium Request',
        model: item.model,
        unitType: 'requests',
        pricePerUnit: item.price,
        grossQuantity: item.grossQuantity,
        grossAmount: item.grossQuantity * item.price,
        discountQuantity: item.discountQuantity,
        discountAmount: item.discountQuantity * item.price,
        netQuantity: item.grossQuantity - item.discountQuantity,
        netAmount: (item.grossQuantity - item.discountQuantity) * item.price
      }))
    }
  }
}
