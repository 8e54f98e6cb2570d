import type { Comparison, ComparisonWindow, PriceOverrideInput, StoredPlan } from '../../../shared/contract/plans-calls'
import type { Plan } from '../../../shared/plan-catalog'
import { errorMessage } from '../bridge/bridge-error'
import { getBridge } from '../bridge/current-bridge'
import type { SliceCreator } from './types'

/** The Plans page: the comparison for the chosen window, the plan list and price overrides. */
export interface PlansSlice {
  plansWindow: ComparisonWindow
  comparison: Comparison | null
  comparisonLoading: boolean
  comparisonError: string | null
  storedPlans: StoredPlan[]
  priceOverrides: PriceOverrideInput[]
  setPlansWindow(window: ComparisonWindow): void
  /** Reads the comparison (and the plan list) again; errors land in `comparisonError`. */
  loadComparison(): Promise<void>
  /** Saves a plan, then re-compares. Throws the server's error for the form to show. */
  savePlan(plan: Plan): Promise<void>
  /** Deletes a user plan or reverts an edited catalog plan. Throws the server's error. */
  removePlan(id: string): Promise<void>
  setPriceOverride(override: PriceOverrideInput): Promise<void>
  clearPriceOverride(providerId: string, model: string): Promise<void>
}

export const createPlansSlice: SliceCreator<PlansSlice> = (set, get) => {
  // Only the newest request may write: switching 30 → 90 → 30 quickly must not show 90's figures.
  let generation = 0

  return {
    plansWindow: 30,
    comparison: null,
    comparisonLoading: false,
    comparisonError: null,
    storedPlans: [],
    priceOverrides: [],

    setPlansWindow: (window) => {
      set({ plansWindow: window })
      void get().loadComparison()
    },

    loadComparison: async () => {
      const mine = ++generation
      set({ comparisonLoading: true })
      try {
        const bridge = getBridge()
        const [comparison, list] = await Promise.all([
          bridge.invoke('plans:compare', { windowDays: get().plansWindow }),
          bridge.invoke('plans:list', {})
        ])
        if (mine !== generation) return
        set({ comparison, storedPlans: list.plans, priceOverrides: list.overrides, comparisonError: null, comparisonLoading: false })
      } catch (error) {
        if (mine !== generation) return
        set({ comparisonError: errorMessage(error), comparisonLoading: false })
      }
    },

    savePlan: async (plan) => {
      const saved = await getBridge().invoke('plans:save', { plan })
      get().notify('success', `Saved ${saved.plan.providerName} ${saved.plan.name}.`)
      await get().loadComparison()
    },

    removePlan: async (id) => {
      const result = await getBridge().invoke('plans:remove', { id })
      get().notify('success', result.revertedToCatalog ? 'Reverted the plan to the catalog’s version.' : 'Deleted the plan.')
      await get().loadComparison()
    },

    setPriceOverride: async (override) => {
      await getBridge().invoke('plans:set-price', override)
      get().notify('success', `Using your price for ${override.model}.`)
      await get().loadComparison()
    },

    clearPriceOverride: async (providerId, model) => {
      await getBridge().invoke('plans:set-price', { providerId, model, clear: true })
      get().notify('success', `Back to the dataset’s price for ${model}.`)
      await get().loadComparison()
    }
  }
}
